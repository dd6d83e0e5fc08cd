package accuracy;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.helpers.DefaultHandler;

// A SAX parser with default settings reads the uploaded document.
public class Cwe611TrueSaxParser extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {
        SAXParserFactory spf = SAXParserFactory.newInstance();
        // ruleid: java.xml.saxparser-xxe
        SAXParser parser = spf.newSAXParser();
        parser.parse(request.getInputStream(), new DefaultHandler());
    }
}
