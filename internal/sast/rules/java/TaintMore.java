package com.example.web;

import java.beans.XMLDecoder;
import java.io.*;
import javax.naming.directory.*;
import javax.servlet.http.*;
import javax.xml.xpath.*;
import org.owasp.encoder.Encode;

public class TaintMore {
    private DirContext ctx;
    private XPath xpath;

    public void ldap(HttpServletRequest request) throws Exception {
        String uid = request.getParameter("uid");
        SearchControls sc = new SearchControls();
        // ruleid: java.taint.ldap-injection
        ctx.search("ou=people,dc=example", "(uid=" + uid + ")", sc);
        // ruleid: java.taint.ldap-injection
        ctx.search("ou=people,dc=example", TaintMoreHelper.filterFor(request.getHeader("X-User")), sc);
        // ok: java.taint.ldap-injection
        ctx.search("ou=people,dc=example", "(uid={0})", new Object[]{uid}, sc);
        // ok: java.taint.ldap-injection
        ctx.search("ou=people,dc=example", "(uid=" + Encode.forLdap(uid) + ")", sc);
        // A context typed as such, whatever its name.
        InitialDirContext idc = new InitialDirContext();
        // ruleid: java.taint.ldap-injection
        idc.search("ou=people,dc=example", "(mail=" + uid + ")", sc);
        // ok: java.taint.ldap-injection
        idc.search("ou=people,dc=example", "(mail={0})", new Object[]{uid}, sc);
    }

    public Object xpath(HttpServletRequest request, org.w3c.dom.Document doc) throws Exception {
        String name = request.getParameter("name");
        // ruleid: java.taint.xpath-injection
        Object a = xpath.evaluate("/users/user[@name='" + name + "']", doc);
        // ruleid: java.taint.xpath-injection
        XPathExpression e = xpath.compile(TaintMoreHelper.userPath(name));
        int id = Integer.parseInt(name);
        // ok: java.taint.xpath-injection
        Object b = xpath.evaluate("/users/user[@id=" + id + "]", doc);
        // ok: java.taint.xpath-injection
        Object c = xpath.evaluate("/users/user[@name=$name]", doc);
        return a.toString() + e + b + c;
    }

    public void redirect(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = request.getParameter("next");
        // ruleid: java.taint.open-redirect
        response.sendRedirect(next);
        // ruleid: java.taint.open-redirect, java.taint.header-injection
        response.setHeader("Location", "https://" + request.getHeader("Host") + "/x");
        int num = 106;
        String target = "/home";
        if ((7 * 42) - num > 200) {
            target = next;
        }
        // ok: java.taint.open-redirect
        response.sendRedirect(target);
        // ok: java.taint.open-redirect
        response.sendRedirect("/login");
    }

    public void session(HttpServletRequest request) {
        HttpSession session = request.getSession();
        String role = request.getParameter("role");
        // ruleid: java.taint.trust-boundary
        session.setAttribute("role", role);
        // ruleid: java.taint.trust-boundary
        request.getSession().setAttribute("user", request.getHeader("X-User"));
        // ok: java.taint.trust-boundary
        session.setAttribute("visits", Integer.parseInt(role));
        // ok: java.taint.trust-boundary
        session.setAttribute("theme", "dark");
        // ruleid: java.taint.trust-boundary
        session.setAttribute(role, "10340");
    }

    public Object deserialize(HttpServletRequest request) throws Exception {
        // ruleid: java.taint.unsafe-deserialization
        ObjectInputStream in = new ObjectInputStream(request.getInputStream());
        // ruleid: java.taint.unsafe-deserialization
        // ruleid: java.deserialization.xmldecoder
        XMLDecoder dec = new XMLDecoder(TaintMoreHelper.buffered(request.getInputStream()));
        // ok: java.taint.unsafe-deserialization
        ObjectInputStream local = new ObjectInputStream(new FileInputStream("/etc/app/state.bin"));
        // ok: java.taint.unsafe-deserialization
        ObjectInputStream cached = new ObjectInputStream(new ByteArrayInputStream(new byte[0]));
        // The taint rule reports the request stream above.
        // ok: java.deserialization.object-input-stream
        return in.readObject().toString() + dec.readObject() + local + cached;
    }
}
