package accuracy;

import java.io.File;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// A comparison of two constant strings decides the branch.
public class Cwe22FalseStringConstant extends HttpServlet {
    private static final String MODE = "production";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String param = request.getHeader("X-Log-File");
        String path = "app.log";
        if (MODE.equals("debug")) {
            path = param;
        }
        // ok: java.taint.path-traversal
        File log = new File("/var/log/app", path);
        response.setContentLengthLong(log.length());
    }
}
