package accuracy;

import java.util.Enumeration;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// Parameter names become session attribute names.
public class Cwe501TrueAttributeName extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        Enumeration<String> names = request.getParameterNames();
        while (names.hasMoreElements()) {
            String n = names.nextElement();
            // ruleid: java.taint.trust-boundary
            request.getSession().setAttribute(n, "seen");
        }
    }
}
