package accuracy;

import java.io.File;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// Every parameter value names a file to delete.
public class Cwe22TrueParameterMapLoop extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            for (String v : e.getValue()) {
                // ruleid: java.taint.path-traversal
                File f = new File("/srv/tmp", v);
                f.delete();
            }
        }
    }
}
