package accuracy;

import java.io.FileWriter;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// One of several values of a parameter names the file that is written.
public class Cwe22TrueParameterValues extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String[] targets = request.getParameterValues("target");
        String target = targets[targets.length - 1];
        // ruleid: java.taint.path-traversal
        try (FileWriter w = new FileWriter("/tmp/exports/" + target)) {
            w.write("exported");
        }
    }
}
