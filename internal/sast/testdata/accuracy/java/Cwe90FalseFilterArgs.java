package accuracy;

import javax.naming.directory.InitialDirContext;
import javax.naming.directory.SearchControls;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// The filter is constant with a placeholder; the value is a filter argument.
public class Cwe90FalseFilterArgs extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String user = request.getParameter("user");
        InitialDirContext idc = new InitialDirContext();
        // ok: java.taint.ldap-injection
        idc.search("ou=people,dc=example,dc=com", "(uid={0})", new Object[] {user}, new SearchControls());
    }
}
