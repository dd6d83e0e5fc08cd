import javax.servlet.http.HttpServletRequest;
import java.sql.*;
import java.util.*;

public class Constants {
    private static final int LIMIT = 5;
    private static final boolean DEBUG = false;
    private Connection conn;

    void a(HttpServletRequest req) throws Exception {
        String p = req.getParameter("p");
        String bar = "x";
        if (LIMIT > 10) {
            bar = p;
        }
        Statement st = conn.createStatement();
        // ok: test.java.sqli
        st.execute("SELECT '" + bar + "'");
        if (DEBUG) {
            bar = p;
        }
        // ok: test.java.sqli
        st.execute("SELECT '" + bar + "'");
        Map<String, String> m = new HashMap<>();
        m.put("b", p);
        m.remove("b");
        // ok: test.java.sqli
        st.execute("SELECT '" + m.get("b") + "'");
        List<String> l = new ArrayList<>();
        l.add("a");
        l.add("b");
        l.set(0, p);
        // ok: test.java.sqli
        st.execute("SELECT '" + l.get(1) + "'");
        // ruleid: test.java.sqli
        st.execute("SELECT '" + l.get(0) + "'");
        String s2 = String.valueOf(p.toCharArray());
        // ruleid: test.java.sqli
        st.execute("SELECT '" + s2 + "'");
        String t = p.replace("'", "''");
        // ruleid: test.java.sqli
        st.execute("SELECT '" + t + "'");
        // ok: test.java.sqli
        st.execute("SELECT '" + p.isEmpty() + "'");
    }
}
