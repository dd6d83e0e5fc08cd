package com.example.web;

import java.util.List;
import javax.servlet.http.HttpServletRequest;
import org.hibernate.Session;

public class TaintWebOrm {
    private Session session;

    public List<?> find(HttpServletRequest request) {
        String name = request.getParameter("name");
        // ruleid: java.taint.sql-injection
        List<?> a = session.createSQLQuery("SELECT * FROM users WHERE name = '" + name + "'").list();
        // ruleid: java.taint.sql-injection
        List<?> b = session.createNativeQuery("SELECT * FROM users ORDER BY " + request.getParameter("sort")).list();
        // ok: java.taint.sql-injection
        List<?> c = session.createSQLQuery("SELECT * FROM users WHERE name = :name").setParameter("name", name).list();
        // ok: java.taint.sql-injection
        List<?> d = session.createNativeQuery("SELECT * FROM users WHERE name = ?1").setParameter(1, name).list();
        a.addAll(b);
        a.addAll(c);
        return d;
    }
}
