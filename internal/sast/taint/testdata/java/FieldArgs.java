package com.shop.web;

import java.sql.Connection;
import java.sql.Statement;
import javax.servlet.http.HttpServletRequest;

// A callee that reads one field of an ordinary argument sees only that
// field's taint, not the whole object's.
public class FieldArgs {
    static class Query {
        String where;
        String table = "orders";
    }

    private Connection conn;

    static String tableOf(Query q) {
        return q.table;
    }

    static String whereOf(Query q) {
        return q.where;
    }

    void run(Statement st, Query q) throws Exception {
        // ruleid: test.java.sqli
        st.executeQuery("SELECT * FROM orders WHERE " + q.where);
        // ok: test.java.sqli
        st.executeQuery("SELECT * FROM " + q.table);
    }

    void cleanField(HttpServletRequest req) throws Exception {
        Query q = new Query();
        q.where = req.getParameter("w");
        Statement st = conn.createStatement();
        // ok: test.java.sqli
        st.executeQuery("SELECT * FROM " + tableOf(q));
    }

    void taintedField(HttpServletRequest req) throws Exception {
        Query q = new Query();
        q.where = req.getParameter("w");
        Statement st = conn.createStatement();
        // ruleid: test.java.sqli
        st.executeQuery("SELECT * FROM orders WHERE " + whereOf(q));
    }

    void sinkInCallee(HttpServletRequest req) throws Exception {
        Query q = new Query();
        q.where = req.getParameter("w");
        run(conn.createStatement(), q);
    }

    void wholeObjectTainted(HttpServletRequest req) throws Exception {
        Query q = parse(req.getParameter("q"));
        Statement st = conn.createStatement();
        // ruleid: test.java.sqli
        st.executeQuery("SELECT * FROM " + tableOf(q));
    }

    private static native Query parse(String s);
}
