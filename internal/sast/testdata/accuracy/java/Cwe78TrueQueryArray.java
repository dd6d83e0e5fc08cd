package accuracy;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// The raw query string is one element of the command array.
public class Cwe78TrueQueryArray extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String qs = request.getQueryString();
        String[] cmd = new String[] {"/usr/bin/lookup", "--q", qs};
        Runtime rt = Runtime.getRuntime();
        // ruleid: java.taint.command-injection
        rt.exec(cmd);
    }
}
