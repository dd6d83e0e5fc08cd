package accuracy;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

// The request parameter is kept in a field of this and read in another method.
@RestController
public class Cwe89TrueSpringField {
    private JdbcTemplate jdbc;
    private String sortColumn;

    @GetMapping("/orders")
    public List<Map<String, Object>> orders(@RequestParam("sort") String sort) {
        this.sortColumn = sort;
        return load();
    }

    private List<Map<String, Object>> load() {
        // ruleid: java.taint.sql-injection
        return jdbc.queryForList("SELECT * FROM orders ORDER BY " + sortColumn);
    }
}
