package accuracy;

import java.sql.Connection;
import java.sql.Statement;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// The branch that would use the parameter can never run.
public class Cwe89FalseConstantBranch extends HttpServlet {
    private Connection conn;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String param = request.getParameter("id");
        String bar;
        int num = 86;
        if ((7 * 42) - num > 200) {
            bar = "guest";
        } else {
            bar = param;
        }
        Statement st = conn.createStatement();
        // ok: java.taint.sql-injection
        st.executeQuery("SELECT * FROM accounts WHERE owner = '" + bar + "'");
    }
}
