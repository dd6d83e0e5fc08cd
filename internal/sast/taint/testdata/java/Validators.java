package com.shop.web;

import java.sql.Statement;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;

// A validator method that only checks an allow-list or a pattern guards
// its argument like the check itself would.
public class Validators {
    private static final Set<String> SORTABLE = Set.of("name", "price");

    static boolean sortable(String col) {
        return SORTABLE.contains(col);
    }

    static boolean isCode(String s) {
        return s.matches("[A-Z]{3}");
    }

    static boolean looksFine(String s) {
        System.out.println(s);
        return s.length() < 20;
    }

    void allowList(HttpServletRequest req, Statement st) throws Exception {
        String col = req.getParameter("sort");
        if (!sortable(col)) {
            return;
        }
        // ok: test.java.sqli
        st.executeQuery("SELECT * FROM items ORDER BY " + col);
    }

    void pattern(HttpServletRequest req, Statement st) throws Exception {
        String code = req.getParameter("code");
        if (isCode(code)) {
            // ok: test.java.sqli
            st.executeQuery("SELECT * FROM rates WHERE code = '" + code + "'");
        }
        // ruleid: test.java.sqli
        st.executeQuery("SELECT * FROM rates WHERE code = '" + code + "'");
    }

    void notAValidator(HttpServletRequest req, Statement st) throws Exception {
        String q = req.getParameter("q");
        if (looksFine(q)) {
            // ruleid: test.java.sqli
            st.executeQuery("SELECT * FROM items WHERE name = '" + q + "'");
        }
    }
}
