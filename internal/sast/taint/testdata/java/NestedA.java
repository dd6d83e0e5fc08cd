package com.shop.web;

import java.sql.Connection;
import javax.servlet.http.HttpServletRequest;

// Two files each have a nested class Picker; each file's calls reach its
// own.
public class NestedA {
    private Connection conn;

    void run(HttpServletRequest req) throws Exception {
        String v = new Picker().pick(req.getParameter("v"));
        // ok: test.java.sqli
        conn.createStatement().executeQuery("SELECT * FROM t WHERE v = '" + v + "'");
    }

    private class Picker {
        String pick(String s) {
            return "fixed";
        }
    }
}
