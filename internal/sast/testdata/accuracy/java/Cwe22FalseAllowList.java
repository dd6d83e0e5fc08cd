package accuracy;

import java.io.FileReader;
import java.util.Set;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// Only names from a fixed allow-list reach the file system.
public class Cwe22FalseAllowList extends HttpServlet {
    private static final Set<String> DOCS = Set.of("terms.txt", "privacy.txt");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String doc = request.getParameter("doc");
        if (!DOCS.contains(doc)) {
            response.sendError(404);
            return;
        }
        // ok: java.taint.path-traversal
        try (FileReader r = new FileReader("/srv/docs/" + doc)) {
            r.transferTo(response.getWriter());
        }
    }
}
