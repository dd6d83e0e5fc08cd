package accuracy;

import java.util.HashMap;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// The session gets the value stored under a different, constant key.
public class Cwe501FalseOtherKey extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        Map<String, String> m = new HashMap<>();
        m.put("requested", request.getParameter("theme"));
        m.put("default", "light");
        String theme = m.get("default");
        // ok: java.taint.trust-boundary
        request.getSession().setAttribute("theme", theme);
    }
}
