import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.sql.*;
import java.util.*;

public class Precise {
    private Connection conn;
    private String current;
    private String table = "orders";

    void switchInt(HttpServletRequest req) throws Exception {
        String p = req.getParameter("p");
        String bar = "x";
        int mode = 2;
        switch (mode) {
            case 1:
                bar = p;
                break;
            case 2:
                bar = "two";
                break;
            default:
                bar = p;
        }
        Statement st = conn.createStatement();
        // ok: test.java.sqli
        st.execute("SELECT '" + bar + "'");
        String kind = "b";
        String v = switch (kind) {
            case "a" -> p;
            case "b" -> "fixed";
            default -> p;
        };
        // ok: test.java.sqli
        st.execute("SELECT '" + v + "'");
        String w = switch (kind) {
            case "a" -> "fixed";
            default -> p;
        };
        // ruleid: test.java.sqli
        st.execute("SELECT '" + w + "'");
    }

    void ternaries(HttpServletRequest req) throws Exception {
        String p = req.getParameter("p");
        int num = 106;
        String bar = (7 * 18) + num > 200 ? "always" : p;
        Statement st = conn.createStatement();
        // ok: test.java.sqli
        st.execute("SELECT '" + bar + "'");
        String baz = num > 200 ? "never" : p;
        // ruleid: test.java.sqli
        st.execute("SELECT '" + baz + "'");
        boolean on = false;
        String q = on ? p : "off";
        // ok: test.java.sqli
        st.execute("SELECT '" + q + "'");
    }

    void listRemove(HttpServletRequest req) throws Exception {
        String p = req.getParameter("p");
        List<String> list = new ArrayList<String>();
        list.add(p);
        list.add("safe");
        list.remove(0);
        Statement st = conn.createStatement();
        // ok: test.java.sqli
        st.execute("SELECT '" + list.get(0) + "'");
        List<String> l2 = new LinkedList<>();
        l2.add("safe");
        l2.add(p);
        l2.remove(0);
        // ruleid: test.java.sqli
        st.execute("SELECT '" + l2.get(0) + "'");
        String[] arr = new String[] {"a", p};
        // ok: test.java.sqli
        st.execute("SELECT '" + arr[0] + "'");
        // ruleid: test.java.sqli
        st.execute("SELECT '" + arr[1] + "'");
    }

    void thisFields(HttpServletRequest req) throws Exception {
        this.current = req.getParameter("c");
        Statement st = conn.createStatement();
        // ruleid: test.java.sqli
        st.execute("SELECT * FROM t WHERE c = '" + this.current + "'");
        // ok: test.java.sqli
        st.execute("SELECT * FROM " + this.table);
        // ok: test.java.sqli
        st.execute("SELECT * FROM " + table);
    }

    void later() throws Exception {
        Statement st = conn.createStatement();
        // ruleid: test.java.sqli
        st.execute("SELECT * FROM t WHERE c = '" + current + "'");
    }

    void conversions(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        Statement st = conn.createStatement();
        long id = Long.parseLong(req.getParameter("id"));
        // ok: test.java.sqli
        st.execute("SELECT * FROM t WHERE id = " + id);
        boolean b = Boolean.parseBoolean(req.getParameter("b"));
        // ok: test.java.sqli
        st.execute("SELECT * FROM t WHERE b = " + b);
        Integer n = Integer.valueOf(req.getParameter("n"));
        // ok: test.java.sqli
        st.execute("SELECT * FROM t WHERE n = " + n);
        double d = Double.parseDouble(req.getParameter("d"));
        // ok: test.java.xss
        resp.getWriter().println("<b>" + d + "</b>");
        // ruleid: test.java.xss
        resp.getWriter().println("<b>" + req.getParameter("d") + "</b>");
    }
}
