package accuracy;

import accuracy.helpers.Checks;
import java.net.URL;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// Requests outside the host allow-list are rejected before the fetch.
public class Cwe918FalseGuardedHost extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String host = request.getParameter("host");
        if (!Checks.isAllowedHost(host)) {
            response.sendError(400);
            return;
        }
        // ok: java.taint.ssrf
        URL u = new URL("https://" + host + "/health");
        response.getWriter().println(u.getPath().length());
    }
}
