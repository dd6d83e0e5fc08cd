package com.shop.web;

import java.sql.Connection;
import javax.servlet.http.HttpServletRequest;

public class NestedB {
    private Connection conn;

    void run(HttpServletRequest req) throws Exception {
        String v = new Picker().pick(req.getParameter("v"));
        // ruleid: test.java.sqli
        conn.createStatement().executeQuery("SELECT * FROM t WHERE v = '" + v + "'");
    }

    private class Picker {
        String pick(String s) {
            return s.trim();
        }
    }
}
