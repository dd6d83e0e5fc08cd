package accuracy;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// A ternary whose condition depends on the request keeps the tainted arm.
public class Cwe79TrueTernary extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String q = request.getParameter("q");
        String shown = q.length() > 64 ? "(too long)" : q;
        // ruleid: java.taint.xss
        response.getWriter().print("You searched for " + shown);
    }
}
