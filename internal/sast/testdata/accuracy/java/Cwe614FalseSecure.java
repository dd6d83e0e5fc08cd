package accuracy;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// The cookie is marked Secure before it is added.
public class Cwe614FalseSecure extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        Cookie c = new Cookie("sid", "abc123");
        c.setSecure(true);
        c.setHttpOnly(true);
        // ok: java.servlet.cookie-missing-secure
        response.addCookie(c);
    }
}
