package accuracy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RestController;

// String.format builds the statement from a path variable.
@RestController
public class Cwe89TrueStringFormat {
    private JdbcTemplate jdbc;

    @DeleteMapping("/notes/{owner}")
    public void purge(@PathVariable("owner") String owner) {
        String sql = String.format("DELETE FROM notes WHERE owner = '%s'", owner);
        // ruleid: java.taint.sql-injection
        jdbc.update(sql);
    }
}
