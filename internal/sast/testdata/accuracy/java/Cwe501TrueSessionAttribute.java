package accuracy;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

// A request header is stored in the session as trusted state.
public class Cwe501TrueSessionAttribute extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        String role = request.getHeader("X-Role");
        HttpSession session = request.getSession();
        // ruleid: java.taint.trust-boundary
        session.setAttribute("role", role);
    }
}
