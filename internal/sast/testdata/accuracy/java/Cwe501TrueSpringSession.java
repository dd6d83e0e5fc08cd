package accuracy;

import javax.servlet.http.HttpSession;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

// A cookie value becomes session state in a Spring handler.
@RestController
public class Cwe501TrueSpringSession {
    @GetMapping("/resume")
    public String resume(@CookieValue("cart") String cart, HttpSession session) {
        // ruleid: java.taint.trust-boundary
        session.setAttribute("cartId", cart);
        return "ok";
    }
}
