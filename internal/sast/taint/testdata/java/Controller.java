import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.sql.*;
import java.util.*;

public class Controller {
    private Connection conn;

    // Flow through two helpers in another file.
    void crossFile(HttpServletRequest req) throws Exception {
        String name = req.getParameter("name");
        String sql = QueryHelper.build(name);
        Statement st = conn.createStatement();
        // ruleid: test.java.sqli
        st.executeQuery(sql);
    }

    // The helper's own sink, reached through a wrapper.
    void helperSink(HttpServletRequest req) throws Exception {
        String id = req.getParameter("id");
        QueryHelper.run(conn, id);
    }

    void deadBranch(HttpServletRequest req) throws Exception {
        String param = req.getParameter("name");
        String bar;
        int num = 106;
        bar = (7 * 18) + num > 200 ? "This_should_always_happen" : param;
        Statement st = conn.createStatement();
        // ok: test.java.sqli
        st.executeQuery("SELECT * FROM t WHERE n = '" + bar + "'");
        String other = "safe";
        if ((7 * 42) - num > 200) {
            other = param;
        }
        // ok: test.java.sqli
        st.executeQuery("SELECT * FROM t WHERE n = '" + other + "'");
        if ((7 * 42) - num < 200) {
            other = param;
        }
        // ruleid: test.java.sqli
        st.executeQuery("SELECT * FROM t WHERE n = '" + other + "'");
    }

    void mapKeys(HttpServletRequest req) throws Exception {
        String param = req.getParameter("name");
        Map<String, Object> map = new HashMap<String, Object>();
        map.put("keyA-1", "a_Value");
        map.put("keyB-1", param);
        map.put("keyC", "another_Value");
        String bar = (String) map.get("keyC");
        Statement st = conn.createStatement();
        // ok: test.java.sqli
        st.execute("SELECT * FROM users WHERE name = '" + bar + "'");
        String bad = (String) map.get("keyB-1");
        // ruleid: test.java.sqli
        st.execute("SELECT * FROM users WHERE name = '" + bad + "'");
    }

    void lists(HttpServletRequest req) throws Exception {
        String param = req.getParameter("name");
        List<String> list = new ArrayList<String>();
        list.add("safe");
        list.add(param);
        list.add("moresafe");
        list.remove(0);
        String bar = list.get(1);
        Statement st = conn.createStatement();
        // ok: test.java.sqli
        st.execute("SELECT * FROM users WHERE name = '" + bar + "'");
        bar = list.get(0);
        // ruleid: test.java.sqli
        st.execute("SELECT * FROM users WHERE name = '" + bar + "'");
    }

    void switchConst(HttpServletRequest req) throws Exception {
        String param = req.getParameter("name");
        String bar;
        String guess = "ABC";
        char switchTarget = guess.charAt(2);
        switch (switchTarget) {
            case 'A':
                bar = param;
                break;
            case 'B':
                bar = "bob";
                break;
            case 'C':
            case 'D':
                bar = param;
                break;
            default:
                bar = "bob's your uncle";
                break;
        }
        Statement st = conn.createStatement();
        // ruleid: test.java.sqli
        st.execute("SELECT * FROM users WHERE name = '" + bar + "'");
    }

    void parameterised(HttpServletRequest req) throws Exception {
        String name = req.getParameter("name");
        PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE name = ?");
        ps.setString(1, name);
        // ok: test.java.sqli
        ps.executeQuery();
        int n = Integer.parseInt(req.getParameter("n"));
        Statement st = conn.createStatement();
        // ok: test.java.sqli
        st.executeQuery("SELECT * FROM t LIMIT " + n);
    }

    void builder(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        StringBuilder sb = new StringBuilder();
        sb.append("SELECT * FROM t WHERE a = '").append(req.getHeader("X-User")).append("'");
        Statement st = conn.createStatement();
        // ruleid: test.java.sqli
        st.executeQuery(sb.toString());
        String p = req.getParameter("p");
        // ruleid: test.java.xss
        resp.getWriter().println(p);
        // ok: test.java.xss
        resp.getWriter().println(Encode.forHtml(p));
        // An HTML encoder does not make SQL safe.
        // ruleid: test.java.sqli
        st.executeQuery("SELECT * FROM t WHERE a = '" + Encode.forHtml(p) + "'");
    }

    void moreXss(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        String q = req.getParameter("q");
        String msg = String.format("<p>%s</p>", q);
        java.io.PrintWriter w = resp.getWriter();
        // ruleid: test.java.xss
        w.println(msg);
        int n = Integer.parseInt(q);
        // ok: test.java.xss
        w.println("<p>" + n + "</p>");
    }

    private String fieldVal;

    void fields(HttpServletRequest req) throws Exception {
        this.fieldVal = "constant";
        Holder h = new Holder();
        h.safe = "x";
        h.bad = req.getParameter("a");
        Statement st = conn.createStatement();
        // ok: test.java.sqli
        st.executeQuery("SELECT " + h.safe);
        // ruleid: test.java.sqli
        st.executeQuery("SELECT " + h.bad);
        String v = QueryHelper.clean(req.getParameter("b"));
        // ok: test.java.sqli
        st.executeQuery("SELECT " + v);
    }
}
