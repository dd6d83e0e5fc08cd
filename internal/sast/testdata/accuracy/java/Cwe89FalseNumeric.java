package accuracy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

// The value is converted to a number before it reaches the SQL text.
@RestController
public class Cwe89FalseNumeric {
    private JdbcTemplate jdbc;

    @GetMapping("/page")
    public Object page(@RequestParam("offset") String offset) {
        int start = Integer.parseInt(offset);
        // ok: java.taint.sql-injection
        return jdbc.queryForList("SELECT * FROM items LIMIT 20 OFFSET " + start);
    }
}
