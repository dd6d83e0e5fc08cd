package accuracy;

import accuracy.helpers.Relay;
import java.sql.Connection;
import java.sql.Statement;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// The parameter passes through two helpers in other files before the query.
public class Cwe89TrueHelperChain extends HttpServlet {
    private Connection conn;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String name = request.getParameter("name");
        String filter = new Relay("u_").forward(name);
        Statement st = conn.createStatement();
        // ruleid: java.taint.sql-injection
        st.executeQuery("SELECT * FROM users WHERE login = '" + filter + "'");
    }
}
