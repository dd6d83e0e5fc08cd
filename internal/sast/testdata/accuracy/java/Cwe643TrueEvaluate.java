package accuracy;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;

// A request header is concatenated into an XPath expression.
public class Cwe643TrueEvaluate extends HttpServlet {
    private Document catalog;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String sku = request.getHeader("X-Sku");
        XPath xp = XPathFactory.newInstance().newXPath();
        String expr = "/catalog/item[@sku='" + sku + "']/price";
        // ruleid: java.taint.xpath-injection
        String price = xp.evaluate(expr, catalog);
        response.getWriter().println(Integer.parseInt(price));
    }
}
