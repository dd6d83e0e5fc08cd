package accuracy;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// A session cookie is sent without the Secure flag.
public class Cwe614TrueNoSecure extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        Cookie c = new Cookie("sid", "abc123");
        c.setHttpOnly(true);
        c.setPath("/");
        // ruleid: java.servlet.cookie-missing-secure
        response.addCookie(c);
    }
}
