package accuracy;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// A remember-me cookie value comes from java.util.Random.
public class Cwe330TrueRememberMeCookie extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        double value = new java.util.Random().nextDouble();
        String rememberMeKey = Double.toString(value).substring(2);
        // ruleid: java.crypto.insecure-random-credential
        Cookie c = new Cookie("rememberMe", rememberMeKey);
        c.setSecure(true);
        c.setHttpOnly(true);
        response.addCookie(c);
    }
}
