package accuracy;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// The ternary's condition is constant and picks the literal.
public class Cwe79FalseConstantTernary extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String q = request.getParameter("q");
        int limit = 106;
        String shown = (7 * 18) + limit > 200 ? "results" : q;
        // ok: java.taint.xss
        response.getWriter().print("Showing " + shown);
    }
}
