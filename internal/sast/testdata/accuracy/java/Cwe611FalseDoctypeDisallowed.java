package accuracy;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

// DOCTYPE declarations are disallowed before the builder is created.
public class Cwe611FalseDoctypeDisallowed extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        // ok: java.xml.documentbuilder-xxe
        DocumentBuilder db = dbf.newDocumentBuilder();
        Document d = db.parse(request.getInputStream());
        response.getWriter().println(d.getDocumentElement().getTagName().length());
    }
}
