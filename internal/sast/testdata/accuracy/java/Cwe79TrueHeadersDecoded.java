package accuracy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// A URL-decoded header value is echoed as characters.
public class Cwe79TrueHeadersDecoded extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        Enumeration<String> values = request.getHeaders("X-Note");
        String note = "";
        if (values.hasMoreElements()) {
            note = URLDecoder.decode(values.nextElement(), StandardCharsets.UTF_8);
        }
        char[] chars = note.toCharArray();
        // ruleid: java.taint.xss
        response.getWriter().write(chars, 0, chars.length);
    }
}
