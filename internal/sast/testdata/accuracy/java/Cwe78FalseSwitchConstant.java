package accuracy;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// A switch on a constant always takes the branch with a fixed command.
public class Cwe78FalseSwitchConstant extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String param = request.getParameter("tool");
        String tool;
        char mode = 'B';
        switch (mode) {
            case 'A':
                tool = param;
                break;
            case 'B':
                tool = "uptime";
                break;
            default:
                tool = param;
                break;
        }
        // ok: java.taint.command-injection
        Runtime.getRuntime().exec(tool);
    }
}
