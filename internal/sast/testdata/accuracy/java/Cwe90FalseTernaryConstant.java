package accuracy;

import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// A ternary with a constant false condition picks the literal.
public class Cwe90FalseTernaryConstant extends HttpServlet {
    private DirContext directory;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String param = request.getParameter("mail");
        int num = 106;
        String mail = (500 / 42) + num > 200 ? param : "nobody@example.com";
        // ok: java.taint.ldap-injection
        directory.search("dc=example,dc=com", "(mail=" + mail + ")", new SearchControls());
    }
}
