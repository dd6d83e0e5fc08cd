package accuracy;

import java.net.URL;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// The request URL would only be used on a branch that cannot run.
public class Cwe918FalseDeadBranch extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String param = request.getParameter("url");
        String target = "https://status.example.com/ping";
        if ("yes".equals("no")) {
            target = param;
        }
        // ok: java.taint.ssrf
        URL u = new URL(target);
        response.getWriter().println(u.getHost());
    }
}
