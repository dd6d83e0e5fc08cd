package accuracy;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// The inner helper puts the value in a list but returns another element.
public class Cwe22FalseInnerHelper extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String theme = new Resolver().resolve(request.getParameter("theme"));
        // ok: java.taint.path-traversal
        File css = new File("/srv/themes/" + theme + ".css");
        response.setContentLengthLong(css.length());
    }

    private class Resolver {
        String resolve(String name) {
            List<String> names = new ArrayList<>();
            names.add("default");
            names.add(name);
            return names.get(0);
        }
    }
}
