package accuracy;

import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.owasp.encoder.Encode;

// The filter value is LDAP-encoded.
public class Cwe90FalseEncoded extends HttpServlet {
    private DirContext ctx;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String user = Encode.forLdap(request.getParameter("user"));
        // ok: java.taint.ldap-injection
        ctx.search("ou=people,dc=example,dc=com", "(uid=" + user + ")", new SearchControls());
    }
}
