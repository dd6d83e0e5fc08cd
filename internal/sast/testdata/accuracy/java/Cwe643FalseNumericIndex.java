package accuracy;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;

// Only a parsed integer index reaches the expression.
public class Cwe643FalseNumericIndex extends HttpServlet {
    private Document feed;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        long n = Long.parseLong(request.getParameter("n"));
        XPath xp = XPathFactory.newInstance().newXPath();
        // ok: java.taint.xpath-injection
        String title = xp.evaluate("/rss/channel/item[" + n + "]/title", feed);
        response.setHeader("X-Count", String.valueOf(title.length()));
    }
}
