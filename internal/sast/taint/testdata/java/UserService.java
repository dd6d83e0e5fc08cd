package com.example.users;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

public class UserService {
    private Connection conn;

    public ResultSet find(String name) throws Exception {
        Statement st = conn.createStatement();
        // ruleid: test.java.sqli
        return st.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
    }

    public ResultSet findSafe(String name) throws Exception {
        PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE name = ?");
        ps.setString(1, name);
        // ok: test.java.sqli
        return ps.executeQuery();
    }

    public ResultSet byId(long id) throws Exception {
        // ok: test.java.sqli
        return conn.createStatement().executeQuery("SELECT * FROM users WHERE id = " + id);
    }
}
