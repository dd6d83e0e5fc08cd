import javax.servlet.http.*;
import java.sql.*;
import java.util.*;

public class Idioms extends HttpServlet {
    private Connection conn;

    public void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {
        Cookie[] cookies = request.getCookies();
        String param = "none";
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (c.getName().equals("who")) {
                    param = java.net.URLDecoder.decode(c.getValue(), "UTF-8");
                    break;
                }
            }
        }
        String bar = new Test().doSomething(request, param);
        Statement st = conn.createStatement();
        // ruleid: test.java.sqli
        st.execute("SELECT * FROM t WHERE a = '" + bar + "'");
        String safe = new Test().constant(param);
        // ok: test.java.sqli
        st.execute("SELECT * FROM t WHERE a = '" + safe + "'");
    }

    public void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        Map<String, String[]> map = request.getParameterMap();
        String param = "";
        String[] values = map.get("q");
        if (values != null) {
            param = values[0];
        }
        Enumeration<String> headers = request.getHeaders("X-Q");
        String h = "";
        if (headers != null && headers.hasMoreElements()) {
            h = headers.nextElement();
        }
        Statement st = conn.createStatement();
        // ruleid: test.java.sqli
        st.execute("SELECT * FROM t WHERE a = '" + param + "'");
        // ruleid: test.java.sqli
        st.execute("SELECT * FROM t WHERE a = '" + h + "'");
        String[] parts = {"safe", param};
        // ok: test.java.sqli
        st.execute("SELECT * FROM t WHERE a = '" + parts.length + "'");
        boolean flag = param.startsWith("x");
        // ok: test.java.sqli
        st.execute("SELECT * FROM t WHERE a = " + flag);
    }

    private class Test {
        public String doSomething(HttpServletRequest request, String param) {
            String bar;
            String guess = "ABC";
            char switchTarget = guess.charAt(1);
            switch (switchTarget) {
                case 'A':
                    bar = "safe";
                    break;
                case 'B':
                    bar = param;
                    break;
                default:
                    bar = "other";
                    break;
            }
            return bar;
        }

        public String constant(String param) {
            String bar = param;
            int num = 196;
            if ((500 / 42) + num > 200) {
                bar = "This_should_always_happen";
            }
            return bar;
        }
    }
}
