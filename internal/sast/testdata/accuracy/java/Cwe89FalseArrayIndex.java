package accuracy;

import java.sql.Connection;
import java.sql.Statement;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// An array holds the request value at index 1; index 0 is read.
public class Cwe89FalseArrayIndex extends HttpServlet {
    private Connection conn;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String[] cols = {"created_at", request.getParameter("col")};
        Statement st = conn.createStatement();
        // ok: java.taint.sql-injection
        st.executeQuery("SELECT * FROM events ORDER BY " + cols[0]);
    }
}
