package accuracy;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// A switch on a constant picks the literal target.
public class Cwe601FalseSwitch extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String param = request.getParameter("to");
        String target;
        String guess = "ABC";
        switch (guess.charAt(1)) {
            case 'A':
                target = param;
                break;
            case 'B':
                target = "/dashboard";
                break;
            default:
                target = param;
        }
        // ok: java.taint.open-redirect
        response.sendRedirect(target);
    }
}
