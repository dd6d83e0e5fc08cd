package accuracy;

import accuracy.helpers.Checks;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// A helper in another file reduces the value to digits.
public class Cwe78FalseHelperDigits extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String pid = Checks.digitsOnly(request.getParameter("pid"));
        // ok: java.taint.command-injection
        Runtime.getRuntime().exec("kill -HUP " + pid);
    }
}
