package accuracy;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// Only a boolean derived from the parameter is written.
public class Cwe79FalseBooleanEcho extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String flag = request.getParameter("beta");
        boolean on = Boolean.parseBoolean(flag);
        // ok: java.taint.xss
        response.getWriter().println("<p>beta: " + on + "</p>");
    }
}
