package accuracy;

import java.io.FileInputStream;
import java.io.InputStream;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// A cookie chooses the template file that is opened.
public class Cwe22TrueCookieStream extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        Cookie[] cookies = request.getCookies();
        String layout = cookies[0].getValue();
        // ruleid: java.taint.path-traversal
        try (InputStream in = new FileInputStream("/opt/app/layouts/" + layout)) {
            in.transferTo(response.getOutputStream());
        }
    }
}
