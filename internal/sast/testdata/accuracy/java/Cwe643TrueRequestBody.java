package accuracy;

import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.w3c.dom.Document;

// The request body is a node name in the expression.
@RestController
public class Cwe643TrueRequestBody {
    private Document settings;
    private final XPath xpath = XPathFactory.newInstance().newXPath();

    @PostMapping("/setting")
    public String setting(@RequestBody String key) throws Exception {
        // ruleid: java.taint.xpath-injection
        return xpath.evaluate("/settings/" + key.trim() + "/text()", settings);
    }
}
