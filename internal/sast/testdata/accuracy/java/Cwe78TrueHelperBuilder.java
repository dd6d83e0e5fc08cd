package accuracy;

import accuracy.helpers.TextHelper;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// A header reaches ProcessBuilder through a helper in another file.
public class Cwe78TrueHelperBuilder extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String host = TextHelper.passThrough(request.getHeader("X-Target"));
        // ruleid: java.taint.command-injection
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "ping -c 1 " + host);
        pb.start();
    }
}
