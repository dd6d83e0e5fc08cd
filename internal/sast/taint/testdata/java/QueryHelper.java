import java.sql.*;

public class QueryHelper {
    public static String build(String name) {
        return wrap("SELECT * FROM users WHERE name = '" + name + "'");
    }

    static String wrap(String q) {
        String out = q + " ORDER BY id";
        return out;
    }

    public static String clean(String s) {
        return Integer.toString(Integer.parseInt(s));
    }

    public static void run(Connection c, String id) throws Exception {
        String q = "SELECT * FROM t WHERE id = " + id;
        // ruleid: test.java.sqli
        c.createStatement().executeQuery(q);
    }
}
