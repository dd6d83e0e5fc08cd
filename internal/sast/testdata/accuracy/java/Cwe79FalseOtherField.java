package accuracy;

import accuracy.helpers.Holder;
import accuracy.helpers.HolderReader;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// The helper reads the constant field of an object whose other field is tainted.
public class Cwe79FalseOtherField extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        Holder h = new Holder();
        h.userValue = request.getParameter("nick");
        String label = HolderReader.readFixed(h);
        // ok: java.taint.xss
        response.getWriter().println("<span>" + label + "</span>");
    }
}
