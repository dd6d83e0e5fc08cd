package com.shop.web;

import java.io.PrintWriter;
import java.util.Iterator;
import java.util.List;
import javax.servlet.http.HttpServletRequest;

// Tests and positions computed from request data are numbers and booleans.
public class Booleans {
    void show(HttpServletRequest req, PrintWriter out, List<String> rows) {
        String q = req.getParameter("q");
        Iterator<String> it = List.of(q).iterator();
        // ok: test.java.xss
        out.println(it.hasNext());
        // ok: test.java.xss
        out.println(q.indexOf('@'));
        // ok: test.java.xss
        out.println(q.equalsIgnoreCase("admin"));
        // ruleid: test.java.xss
        out.println(it.next());
    }
}
