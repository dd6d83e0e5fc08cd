package accuracy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// The value is bound as a parameter; the SQL text is constant.
public class Cwe89FalsePrepared extends HttpServlet {
    private Connection conn;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String name = request.getParameter("name");
        String sql = "SELECT * FROM users WHERE login = ?";
        // ok: java.taint.sql-injection
        PreparedStatement ps = conn.prepareStatement(sql);
        ps.setString(1, name);
        ps.executeQuery();
    }
}
