import javax.servlet.http.HttpServletRequest;
import java.sql.*;

public class Beans {
    private Connection conn;

    void setters(HttpServletRequest req) throws Exception {
        User u = new User();
        u.setName(req.getParameter("name"));
        u.setRole("guest");
        Statement st = conn.createStatement();
        // ruleid: test.java.sqli
        st.execute("SELECT * FROM t WHERE n = '" + u.getName() + "'");
        User v = new User(req.getParameter("n"), "admin");
        // ruleid: test.java.sqli
        st.execute("SELECT * FROM t WHERE n = '" + v.getName() + "'");
        User w = new User("fixed", "admin");
        // ok: test.java.sqli
        st.execute("SELECT * FROM t WHERE n = '" + w.getName() + "'");
        User x = new User();
        x.setRole(req.getParameter("r"));
        // ok: test.java.sqli
        st.execute("SELECT * FROM t WHERE n = '" + x.getConstant() + "'");
    }
}

class User {
    private String name;
    private String role;

    User() {
    }

    User(String name, String role) {
        this.name = name;
        this.role = role;
    }

    void setName(String name) {
        this.name = name;
    }

    void setRole(String role) {
        this.role = role;
    }

    String getName() {
        return this.name;
    }

    String getConstant() {
        return "x";
    }
}

class Account {
    private String owner;
    private String kind = "basic";

    void setOwner(String o) {
        owner = o;
    }

    String query() {
        return "SELECT * FROM acct WHERE owner = '" + owner + "' AND kind = '" + kind + "'";
    }

    String kindQuery() {
        return "SELECT * FROM acct WHERE kind = '" + kind + "'";
    }
}

class AccountUse {
    private Connection conn;

    void run(HttpServletRequest req) throws Exception {
        Account a = new Account();
        a.setOwner(req.getParameter("o"));
        Statement st = conn.createStatement();
        // ruleid: test.java.sqli
        st.execute(a.query());
        Account b = new Account();
        // ok: test.java.sqli
        st.execute(b.kindQuery());
        // A tainted owner leaves the kind of the same account clean.
        // ok: test.java.sqli
        st.execute(a.kindQuery());
        User u = new User();
        u.setRole(req.getParameter("role"));
        // ok: test.java.sqli
        st.execute("SELECT * FROM t WHERE n = '" + u.getName() + "'");
        User v = new User(req.getParameter("n"), "admin");
        // ruleid: test.java.sqli
        st.execute("SELECT * FROM t WHERE n = '" + v.getName() + "'");
        User w = new User("fixed", req.getParameter("r"));
        // ok: test.java.sqli
        st.execute("SELECT * FROM t WHERE n = '" + w.getName() + "'");
    }
}
