package accuracy;

import java.io.InputStream;
import java.net.URL;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// The server fetches whatever URL the client names.
public class Cwe918TrueUrl extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String feed = request.getParameter("feed");
        // ruleid: java.taint.ssrf
        URL u = new URL(feed);
        try (InputStream in = u.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }
}
