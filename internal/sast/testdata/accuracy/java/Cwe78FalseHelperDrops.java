package accuracy;

import accuracy.helpers.TextHelper;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// The helper in another file ignores its argument and returns a constant.
public class Cwe78FalseHelperDrops extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String arg = TextHelper.constant(request.getParameter("arg"));
        // ok: java.taint.command-injection
        new ProcessBuilder("report", arg).start();
    }
}
