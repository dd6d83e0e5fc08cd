package accuracy;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// The request chooses an environment variable of the child process.
public class Cwe78TrueEnvironment extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String locale = request.getHeader("Accept-Language");
        String[] env = {"LANG=" + locale};
        Runtime r = Runtime.getRuntime();
        // ruleid: java.taint.command-injection
        r.exec(new String[] {"/usr/bin/report"}, env);
    }
}
