package accuracy;

import java.io.File;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// An inner helper object returns the value it was given.
public class Cwe22TrueInnerHelper extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String theme = new Resolver().resolve(request.getParameter("theme"));
        // ruleid: java.taint.path-traversal
        File css = new File("/srv/themes/" + theme + ".css");
        response.setContentLengthLong(css.length());
    }

    private class Resolver {
        String resolve(String name) {
            StringBuilder sb = new StringBuilder();
            sb.append(name.toLowerCase());
            return sb.toString();
        }
    }
}
