package accuracy;

import java.security.SecureRandom;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// The remember-me cookie value comes from SecureRandom.
public class Cwe330FalseRememberMeCookie extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        double value = new SecureRandom().nextDouble();
        String rememberMeKey = Double.toString(value).substring(2);
        // ok: java.crypto.insecure-random-credential
        Cookie c = new Cookie("rememberMe", rememberMeKey);
        c.setSecure(true);
        c.setHttpOnly(true);
        response.addCookie(c);
    }
}
