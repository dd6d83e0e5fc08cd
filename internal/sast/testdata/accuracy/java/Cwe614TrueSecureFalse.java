package accuracy;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// The Secure flag is set to false explicitly.
public class Cwe614TrueSecureFalse extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        Cookie remember = new Cookie("remember", "yes");
        // ruleid: java.servlet.cookie-missing-secure
        remember.setSecure(false);
        remember.setHttpOnly(true);
        response.addCookie(remember);
    }
}
