package accuracy;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// The "next" parameter is used as the redirect target after login.
public class Cwe601TrueSendRedirect extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String next = request.getParameter("next");
        if (next == null || next.isEmpty()) {
            next = "/home";
        }
        // ruleid: java.taint.open-redirect
        response.sendRedirect(next);
    }
}
