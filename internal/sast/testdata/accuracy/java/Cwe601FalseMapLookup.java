package accuracy;

import java.util.Map;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// The parameter only selects among fixed targets.
public class Cwe601FalseMapLookup extends HttpServlet {
    private static final Map<String, String> TARGETS = Map.of("home", "/home", "account", "/account");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String key = request.getParameter("to");
        String target = TARGETS.getOrDefault(key, "/home");
        // ok: java.taint.open-redirect
        response.sendRedirect(target);
    }
}
