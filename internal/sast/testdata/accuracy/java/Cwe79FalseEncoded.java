package accuracy;

import java.io.PrintWriter;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.owasp.encoder.Encode;

// The value is HTML-encoded for the HTML context it lands in.
public class Cwe79FalseEncoded extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String name = request.getParameter("name");
        String safe = Encode.forHtml(name);
        PrintWriter out = response.getWriter();
        // ok: java.taint.xss
        out.println("<p>Hello " + safe + "</p>");
    }
}
