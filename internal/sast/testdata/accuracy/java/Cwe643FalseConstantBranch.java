package accuracy;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;

// The request value is only used on a branch that cannot run.
public class Cwe643FalseConstantBranch extends HttpServlet {
    private Document doc;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String param = request.getParameter("node");
        String node = "status";
        boolean legacy = false;
        if (legacy) {
            node = param;
        }
        XPath xp = XPathFactory.newInstance().newXPath();
        // ok: java.taint.xpath-injection
        String v = xp.evaluate("/health/" + node, doc);
        response.getWriter().println(v.length());
    }
}
