package accuracy;

import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// The URL read back is the configured one, not the requested one.
public class Cwe918FalseMapKey extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        Map<String, String> urls = new HashMap<>();
        urls.put("user", request.getParameter("url"));
        urls.put("config", "https://updates.example.com/latest");
        // ok: java.taint.ssrf
        URL u = new URL(urls.get("config"));
        response.getWriter().println(u.getHost().length());
    }
}
