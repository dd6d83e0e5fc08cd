package com.shop.web;

import com.shop.repo.FormatFactory;
import com.shop.repo.Formats;
import java.sql.Connection;
import java.sql.Statement;
import javax.servlet.http.HttpServletRequest;

public class Dispatch {
    private Connection conn;

    // An interface of the program: its implementations decide, one of
    // which returns its argument.
    void anyImplementation(HttpServletRequest req, Formats f) throws Exception {
        String v = f.format(req.getParameter("v"));
        Statement st = conn.createStatement();
        // ruleid: test.java.sqli
        st.executeQuery("SELECT * FROM t WHERE v = " + v);
    }

    // A factory that returns one implementation: only it runs.
    void factoryEcho(HttpServletRequest req) throws Exception {
        Formats f = FormatFactory.echo();
        String v = f.format(req.getParameter("v"));
        Statement st = conn.createStatement();
        // ruleid: test.java.sqli
        st.executeQuery("SELECT * FROM t WHERE v = " + v);
    }

    void factoryFixed(HttpServletRequest req) throws Exception {
        Formats f = FormatFactory.fixed();
        String v = f.format(req.getParameter("v"));
        Statement st = conn.createStatement();
        // ok: test.java.sqli
        st.executeQuery("SELECT * FROM t WHERE v = " + v);
    }

    // A factory returning different classes: both may run.
    void factoryEither(HttpServletRequest req, boolean b) throws Exception {
        Formats f = FormatFactory.either(b);
        String v = f.format(req.getParameter("v"));
        Statement st = conn.createStatement();
        // ruleid: test.java.sqli
        st.executeQuery("SELECT * FROM t WHERE v = " + v);
    }

    // A direct object of the class that drops its argument.
    void concrete(HttpServletRequest req) throws Exception {
        Formats f = new com.shop.repo.FixedFormat();
        Statement st = conn.createStatement();
        // ok: test.java.sqli
        st.executeQuery("SELECT * FROM t WHERE v = " + f.format(req.getParameter("v")));
    }
}
