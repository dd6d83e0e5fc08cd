package accuracy;

import java.util.HashMap;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.JdbcTemplate;

// The request value goes under one key, the query reads another.
public class Cwe89FalseMapKey extends HttpServlet {
    private JdbcTemplate jdbc;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        Map<String, String> values = new HashMap<>();
        values.put("user", request.getParameter("user"));
        values.put("table", "audit_log");
        String table = values.get("table");
        // ok: java.taint.sql-injection
        jdbc.queryForList("SELECT * FROM " + table);
    }
}
