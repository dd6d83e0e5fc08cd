package accuracy;

import java.io.PrintWriter;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.owasp.esapi.ESAPI;

// An ESAPI-style encoder cleans the header before it is written.
public class Cwe79FalseEsapi extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String agent = ESAPI.encoder().encodeForHTML(request.getHeader("User-Agent"));
        PrintWriter out = response.getWriter();
        // ok: java.taint.xss
        out.printf("<pre>%s</pre>", agent);
    }
}
