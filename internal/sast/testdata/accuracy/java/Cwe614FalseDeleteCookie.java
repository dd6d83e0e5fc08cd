package accuracy;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// A cookie that only deletes the old value on logout.
public class Cwe614FalseDeleteCookie extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        Cookie c = new Cookie("sid", "");
        c.setMaxAge(0);
        c.setPath("/");
        // ok: java.servlet.cookie-missing-secure
        response.addCookie(c);
    }
}
