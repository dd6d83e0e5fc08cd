package accuracy;

import accuracy.helpers.TextHelper;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathFactory;

// The query string, decorated in a helper, is compiled as XPath.
public class Cwe643TrueCompileHelper extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        XPath xp = XPathFactory.newInstance().newXPath();
        String path = TextHelper.decorate(request.getQueryString());
        // ruleid: java.taint.xpath-injection
        XPathExpression e = xp.compile("/config/entry" + path);
        response.getWriter().println(e != null);
    }
}
