package accuracy;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Enumeration;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// The value of whichever parameter is named "id" goes into the query.
public class Cwe89TrueParameterNames extends HttpServlet {
    private Connection conn;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String id = "0";
        Enumeration<String> names = request.getParameterNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            if (name.equals("id")) {
                id = request.getParameter(name);
            }
        }
        Statement st = conn.createStatement();
        // ruleid: java.taint.sql-injection
        st.addBatch("DELETE FROM carts WHERE id = " + id);
        st.executeBatch();
    }
}
