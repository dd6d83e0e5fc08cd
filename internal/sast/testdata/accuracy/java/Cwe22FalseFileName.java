package accuracy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// Only the last path element of the parameter is kept.
public class Cwe22FalseFileName extends HttpServlet {
    private static final Path BASE = Paths.get("/srv/static");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String raw = request.getParameter("f");
        Path leaf = Paths.get(raw).getFileName();
        String name = leaf.toString();
        // ok: java.taint.path-traversal
        Path p = Paths.get("/srv/static", name);
        response.getOutputStream().write(Files.readAllBytes(p));
    }
}
