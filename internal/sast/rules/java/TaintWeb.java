package com.example.web;

import java.io.*;
import java.net.URL;
import java.nio.file.*;
import java.sql.*;
import java.util.*;
import javax.script.ScriptEngine;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.owasp.encoder.Encode;
import org.springframework.web.bind.annotation.*;

public class TaintWeb {
    private Connection conn;
    private ScriptEngine engine;

    public void sql(HttpServletRequest request) throws SQLException {
        String user = request.getParameter("user");
        Statement st = conn.createStatement();
        // ruleid: java.taint.sql-injection
        st.executeQuery("SELECT * FROM accounts WHERE owner = '" + user + "'");
        String where = TaintWebHelper.filter(request.getHeader("X-Filter"));
        // ruleid: java.taint.sql-injection
        st.execute(TaintWebHelper.select("orders", where));
        // ok: java.taint.sql-injection
        PreparedStatement ps = conn.prepareStatement("SELECT * FROM accounts WHERE owner = ?");
        ps.setString(1, user);
        ps.executeQuery();
        int limit = Integer.parseInt(request.getParameter("limit"));
        // ok: java.taint.sql-injection
        st.executeQuery("SELECT * FROM accounts LIMIT " + limit);
        Map<String, String> cols = new HashMap<>();
        cols.put("sort", user);
        cols.put("table", "accounts");
        // ok: java.taint.sql-injection
        st.executeQuery("SELECT * FROM " + cols.get("table"));
    }

    public void commands(HttpServletRequest request) throws IOException {
        String host = request.getParameter("host");
        // ruleid: java.taint.command-injection
        // ok: java.lang.exec-non-constant-command
        Runtime.getRuntime().exec("ping -c 1 " + host);
        // ruleid: java.taint.command-injection
        new ProcessBuilder("sh", "-c", TaintWebHelper.quoteless(host)).start();
        int num = 106;
        String cmd = "ping -c 1 localhost";
        if ((7 * 42) - num > 200) {
            cmd = "ping -c 1 " + host;
        }
        // ok: java.taint.command-injection
        // ok: java.lang.exec-non-constant-command
        Runtime.getRuntime().exec(cmd);
        // ok: java.taint.command-injection
        new ProcessBuilder("uptime").start();
        Runtime rt = Runtime.getRuntime();
        String[] env = {"TARGET=" + host};
        // ruleid: java.taint.command-injection
        rt.exec("/usr/local/bin/probe", env);
    }

    public Object script(HttpServletRequest request) throws Exception {
        String expr = request.getParameter("expr");
        // ruleid: java.taint.code-injection
        // ok: java.lang.script-engine-eval-non-literal
        Object r = engine.eval(expr);
        // ruleid: java.taint.code-injection
        // ok: java.lang.script-engine-eval-non-literal
        engine.eval("var x = '" + request.getHeader("X-Name") + "';");
        int n = Integer.parseInt(expr);
        // ok: java.taint.code-injection
        // ok: java.lang.script-engine-eval-non-literal
        engine.eval("1 + " + n);
        // ok: java.taint.code-injection
        return engine.eval("Math.max(1, 2)");
    }

    public byte[] files(HttpServletRequest request) throws IOException {
        String name = request.getParameter("file");
        // ruleid: java.taint.path-traversal
        FileInputStream in = new FileInputStream("/srv/uploads/" + name);
        // ruleid: java.taint.path-traversal
        byte[] data = Files.readAllBytes(Paths.get("/srv/uploads", name));
        // ok: java.taint.path-traversal
        File safe = new File("/srv/uploads", Paths.get(name).getFileName().toString());
        // ok: java.taint.path-traversal
        File fixed = new File("/srv/uploads/index.txt");
        return data;
    }

    public void html(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String q = request.getParameter("q");
        PrintWriter out = response.getWriter();
        // ruleid: java.taint.xss
        out.println("<p>Results for " + q + "</p>");
        // ruleid: java.taint.xss
        response.getWriter().write(TaintWebHelper.heading(q));
        // ruleid: java.taint.xss
        out.format(java.util.Locale.US, "<p>%s</p>", q);
        // ok: java.taint.xss
        out.printf("<p>%d results</p>", q.length());
        // ok: java.taint.xss
        out.println("<p>Results for " + Encode.forHtml(q) + "</p>");
        List<String> parts = new ArrayList<>();
        parts.add("<b>");
        parts.add(q);
        // ok: java.taint.xss
        out.println(parts.get(0));
    }

    public String fetch(HttpServletRequest request) throws IOException {
        String target = request.getParameter("url");
        // ruleid: java.taint.ssrf
        URL u = new URL(target);
        // ruleid: java.taint.ssrf
        URL v = new URL("https://" + request.getHeader("X-Host") + "/status");
        // ok: java.taint.ssrf
        URL w = new URL("https://status.example.com/" + Integer.parseInt(target));
        // ok: java.taint.ssrf
        URL x = new URL("https://status.example.com/health");
        return u.toString() + v + w + x;
    }

    @GetMapping("/users/{id}")
    public String spring(@PathVariable String id, @RequestParam(defaultValue = "x") String sort) throws SQLException {
        Statement st = conn.createStatement();
        // ruleid: java.taint.sql-injection
        st.executeQuery("SELECT * FROM users WHERE id = " + id);
        // ok: java.taint.sql-injection
        st.executeQuery("SELECT * FROM users ORDER BY " + ("asc".equals(sort) ? "name" : "id"));
        return "ok";
    }
}
