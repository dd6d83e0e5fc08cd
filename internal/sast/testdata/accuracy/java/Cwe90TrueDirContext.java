package accuracy;

import javax.naming.NamingEnumeration;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// The user name is placed in an LDAP filter unescaped.
public class Cwe90TrueDirContext extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String user = request.getParameter("user");
        InitialDirContext idc = new InitialDirContext();
        String filter = "(&(objectClass=person)(uid=" + user + "))";
        // ruleid: java.taint.ldap-injection
        NamingEnumeration<SearchResult> res = idc.search("ou=people,dc=example,dc=com", filter, new SearchControls());
        response.getWriter().println(res.hasMore());
    }
}
