package accuracy;

import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// A ternary with a constant true condition picks the request value.
public class Cwe90TrueTernaryConstant extends HttpServlet {
    private DirContext directory;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String param = request.getParameter("mail");
        int num = 196;
        String mail = (500 / 42) + num > 200 ? param : "nobody@example.com";
        // ruleid: java.taint.ldap-injection
        directory.search("dc=example,dc=com", "(mail=" + mail + ")", new SearchControls());
    }
}
