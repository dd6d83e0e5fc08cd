package com.shop.web;

import com.shop.repo.TwinHelpers;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

public class Twins {
    private Connection conn;

    void found(HttpServletRequest req) throws Exception {
        String customer = req.getParameter("customer");
        String sql = TwinHelpers.orderQuery(customer);
        Statement st = conn.createStatement();
        // ruleid: test.java.sqli
        st.executeQuery(sql);
    }

    void deadBranch(HttpServletRequest req) throws Exception {
        String customer = req.getParameter("customer");
        String who = "guest";
        int limit = 90;
        if ((7 * 42) - limit > 300) {
            who = customer;
        }
        Statement st = conn.createStatement();
        // ok: test.java.sqli
        st.executeQuery(TwinHelpers.orderQuery(who));
    }

    void otherKey(HttpServletRequest req) throws Exception {
        Map<String, String> form = new HashMap<>();
        form.put("customer", req.getParameter("customer"));
        form.put("region", "emea");
        Statement st = conn.createStatement();
        // ok: test.java.sqli
        st.executeQuery(TwinHelpers.orderQuery(form.get("region")));
        // ruleid: test.java.sqli
        st.executeQuery(TwinHelpers.orderQuery(form.get("customer")));
    }

    void sanitized(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        String id = req.getParameter("id");
        Statement st = conn.createStatement();
        // ok: test.java.sqli
        st.executeQuery(TwinHelpers.orderById(id));
        String customer = req.getParameter("customer");
        // ok: test.java.xss
        resp.getWriter().println(Encode.forHtml(TwinHelpers.banner(customer)));
        // ruleid: test.java.xss
        resp.getWriter().println(TwinHelpers.banner(customer));
        // The HTML encoder is the wrong sanitizer for SQL.
        // ruleid: test.java.sqli
        st.executeQuery(TwinHelpers.orderQuery(Encode.forHtml(customer)));
    }

    void parameterised(HttpServletRequest req) throws Exception {
        String customer = req.getParameter("customer");
        // ok: test.java.sqli
        PreparedStatement ps = conn.prepareStatement("SELECT id FROM orders WHERE customer = ?");
        ps.setString(1, TwinHelpers.orderQuery(customer));
        // ok: test.java.sqli
        ps.executeQuery();
    }
}
