package accuracy;

import accuracy.helpers.Holder;
import accuracy.helpers.HolderReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// A helper reads back the tainted field of a plain object.
public class Cwe22TrueObjectField extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        Holder h = new Holder();
        h.userValue = request.getParameter("report");
        String name = HolderReader.readUser(h);
        // ruleid: java.taint.path-traversal
        Path p = Paths.get("/var/reports", name);
        response.getOutputStream().write(Files.readAllBytes(p));
    }
}
