package com.example.users;

import java.sql.*;
import java.util.*;
import java.util.stream.Collectors;
import javax.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Autowired;

public class UserController {
    @Autowired
    private UserService service;
    private Connection conn;

    public void show(HttpServletRequest req) throws Exception {
        String name = req.getParameter("name");
        service.find(name);
        service.findSafe(name);
        service.byId(Long.parseLong(req.getParameter("id")));
    }

    public void streams(HttpServletRequest req) throws Exception {
        List<String> names = Arrays.asList(req.getParameterValues("n"));
        String in = names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(","));
        Statement st = conn.createStatement();
        // ruleid: test.java.sqli
        st.executeQuery("SELECT * FROM users WHERE name IN (" + in + ")");
        String ids = names.stream().map(n -> Integer.toString(Integer.parseInt(n))).collect(Collectors.joining(","));
        // ok: test.java.sqli
        st.executeQuery("SELECT * FROM users WHERE id IN (" + ids + ")");
        String q = Optional.ofNullable(req.getParameter("q")).orElse("x");
        // ruleid: test.java.sqli
        st.executeQuery("SELECT '" + q + "'");
        String j = String.join(",", req.getParameter("a"), "b");
        // ruleid: test.java.sqli
        st.executeQuery("SELECT '" + j + "'");
        // ok: test.java.sqli
        st.executeQuery("SELECT " + names.size());
    }
}
