package accuracy;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;

// The expression is constant; the value is bound as an XPath variable.
public class Cwe643FalseVariableResolver extends HttpServlet {
    private Document catalog;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String sku = request.getHeader("X-Sku");
        XPath xp = XPathFactory.newInstance().newXPath();
        xp.setXPathVariableResolver(name -> sku);
        // ok: java.taint.xpath-injection
        String price = xp.evaluate("/catalog/item[@sku=$sku]/price", catalog);
        response.getWriter().println(Integer.parseInt(price));
    }
}
