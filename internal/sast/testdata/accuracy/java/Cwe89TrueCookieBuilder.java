package accuracy;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.JdbcTemplate;

// A cookie value is appended to the query with a StringBuilder.
public class Cwe89TrueCookieBuilder extends HttpServlet {
    private JdbcTemplate jdbc;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        String theme = "default";
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if ("theme".equals(c.getName())) {
                    theme = c.getValue();
                }
            }
        }
        StringBuilder sql = new StringBuilder("SELECT css FROM themes WHERE name = '");
        sql.append(theme).append("'");
        // ruleid: java.taint.sql-injection
        jdbc.queryForList(sql.toString());
    }
}
