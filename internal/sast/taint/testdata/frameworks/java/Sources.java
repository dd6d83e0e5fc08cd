package com.example.sources;

import java.io.BufferedReader;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.*;

@RestController
public class Sources {
    private JdbcTemplate jdbc;
    private Connection conn;

    @GetMapping("/by-param")
    public List<Map<String, Object>> byParam(@RequestParam("q") String q) {
        // ruleid: java.taint.sql-injection
        return jdbc.queryForList("SELECT * FROM items WHERE name = '" + q + "'");
    }

    @GetMapping("/by-param-safe")
    public List<Map<String, Object>> byParamSafe(@RequestParam("q") String q) {
        // ok: java.taint.sql-injection
        return jdbc.queryForList("SELECT * FROM items WHERE name = ?", q);
    }

    @GetMapping("/items/{id}")
    public List<Map<String, Object>> byPath(@PathVariable String id) {
        // ruleid: java.taint.sql-injection
        return jdbc.queryForList("SELECT * FROM items WHERE id = " + id);
    }

    @PostMapping("/items")
    public void byBody(@RequestBody String body) {
        // ruleid: java.taint.sql-injection
        jdbc.execute("INSERT INTO raw_items VALUES ('" + body + "')");
    }

    @GetMapping("/tenant")
    public List<Map<String, Object>> byHeader(@RequestHeader("X-Tenant") String tenant, String sort) {
        // ruleid: java.taint.sql-injection
        jdbc.queryForList("SELECT * FROM items WHERE tenant = '" + tenant + "'");
        // An unannotated, unbound parameter is not request data here.
        // ok: java.taint.sql-injection
        return jdbc.queryForList("SELECT * FROM items ORDER BY " + "name");
    }

    void servlet(HttpServletRequest request) throws Exception {
        Statement st = conn.createStatement();
        // ruleid: java.taint.sql-injection
        st.executeQuery("SELECT * FROM log WHERE q = '" + request.getQueryString() + "'");
        Enumeration<String> names = request.getParameterNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            // ruleid: java.taint.sql-injection
            st.executeQuery("SELECT * FROM params WHERE name = '" + name + "'");
        }
        String[] tags = request.getParameterValues("tag");
        // ruleid: java.taint.sql-injection
        st.executeQuery("SELECT * FROM tags WHERE t = '" + tags[0] + "'");
        Enumeration<String> langs = request.getHeaders("Accept-Language");
        // ruleid: java.taint.sql-injection
        st.executeQuery("SELECT * FROM langs WHERE l = '" + langs.nextElement() + "'");
        for (Cookie c : request.getCookies()) {
            // ruleid: java.taint.sql-injection
            st.executeQuery("SELECT * FROM sessions WHERE v = '" + c.getValue() + "'");
        }
        BufferedReader r = new BufferedReader(new java.io.InputStreamReader(request.getInputStream()));
        String line = r.readLine();
        // ruleid: java.taint.sql-injection
        st.executeQuery("SELECT * FROM lines WHERE l = '" + line + "'");
        Map<String, String[]> all = request.getParameterMap();
        // ruleid: java.taint.sql-injection
        st.executeQuery("SELECT * FROM params WHERE v = '" + all.get("v")[0] + "'");
        int page = Integer.parseInt(request.getParameter("page"));
        // ok: java.taint.sql-injection
        st.executeQuery("SELECT * FROM items LIMIT 20 OFFSET " + page * 20);
        // ok: java.taint.sql-injection
        st.executeQuery("SELECT * FROM items WHERE id = " + request.getParameter("id").length());
    }
}
