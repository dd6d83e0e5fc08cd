package com.example.legacy;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.servlet.http.HttpServletRequest;

public class Report {
    private Connection connection;

    public ResultSet byCustomer(HttpServletRequest request) throws Exception {
        String customer = request.getParameter("customer");
        Statement st = connection.createStatement();
        return st.executeQuery("SELECT * FROM invoices WHERE customer = '" + customer + "'");
    }

    public void export(HttpServletRequest request) throws Exception {
        String target = request.getParameter("target");
        Runtime.getRuntime().exec("/opt/legacy/export.sh " + target);
    }

    public byte[] checksum(byte[] data) throws Exception {
        MessageDigest md = MessageDigest.getInstance("MD5");
        return md.digest(data);
    }
}
