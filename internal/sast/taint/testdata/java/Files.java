package com.shop.web;

import java.io.File;
import javax.servlet.http.HttpServletRequest;

// A whole call as sink: a field of this before the request argument
// does not hide it.
public class Files {
    private static final String BASE = "/srv/uploads";
    private String root = "/srv/files";

    File constantFirst(HttpServletRequest req) {
        String name = req.getParameter("name");
        // ruleid: test.java.path
        return new File(BASE, name);
    }

    File fieldFirst(HttpServletRequest req) {
        String name = req.getParameter("name");
        // ruleid: test.java.path
        return new File(root, name);
    }

    File numeric(HttpServletRequest req) {
        int id = Integer.parseInt(req.getParameter("id"));
        // ok: test.java.path
        return new File(root, "report-" + id + ".pdf");
    }

    File constantOnly(HttpServletRequest req) {
        // ok: test.java.path
        return new File(root, "index.html");
    }
}
