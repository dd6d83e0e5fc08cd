package accuracy;

import java.util.HashMap;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.JdbcTemplate;

// The request value is replaced under the same key before use.
public class Cwe89FalseOverwrittenKey extends HttpServlet {
    private JdbcTemplate jdbc;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        Map<String, String> opts = new HashMap<>();
        opts.put("order", request.getParameter("order"));
        opts.put("order", "created_at");
        // ok: java.taint.sql-injection
        jdbc.queryForList("SELECT * FROM posts ORDER BY " + opts.get("order"));
    }
}
