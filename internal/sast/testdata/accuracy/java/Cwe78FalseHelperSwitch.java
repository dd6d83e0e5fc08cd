package accuracy;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// A private helper switches on a constant and returns a fixed command.
public class Cwe78FalseHelperSwitch extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String cmd = pick(request.getParameter("c"));
        // ok: java.taint.command-injection
        Runtime.getRuntime().exec(cmd);
    }

    private static String pick(String requested) {
        int which = 2;
        switch (which) {
            case 1:
                return requested;
            case 2:
                return "df -h";
            default:
                return requested;
        }
    }
}
