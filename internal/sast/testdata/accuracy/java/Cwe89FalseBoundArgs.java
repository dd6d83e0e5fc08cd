package accuracy;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

// The value is a bound argument of a constant query.
@RestController
public class Cwe89FalseBoundArgs {
    private JdbcTemplate jdbc;

    @GetMapping("/by-tag")
    public List<Map<String, Object>> byTag(@RequestParam("tag") String tag) {
        String sql = "SELECT * FROM posts WHERE tag = ?";
        // ok: java.taint.sql-injection
        return jdbc.queryForList(sql, tag);
    }
}
