package accuracy;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

// Only a fixed flag is stored; the parameter decides nothing stored.
public class Cwe501FalseConstantValue extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        String param = request.getParameter("lang");
        String value = "en";
        int threshold = 3;
        if (threshold * 10 < 5) {
            value = param;
        }
        HttpSession session = request.getSession();
        // ok: java.taint.trust-boundary
        session.setAttribute("lang", value);
    }
}
