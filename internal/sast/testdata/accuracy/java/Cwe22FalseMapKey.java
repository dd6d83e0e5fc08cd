package accuracy;

import java.io.File;
import java.util.HashMap;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// The file name comes from a map key that holds a constant.
public class Cwe22FalseMapKey extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("requested", request.getParameter("file"));
        ctx.put("fallback", "index.html");
        String name = (String) ctx.get("fallback");
        // ok: java.taint.path-traversal
        File f = new File("/srv/site", name);
        response.setContentLengthLong(f.length());
    }
}
