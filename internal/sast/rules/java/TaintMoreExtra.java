package com.example.web;

import com.mongodb.BasicDBObject;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import freemarker.template.Configuration;
import freemarker.template.Template;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.Velocity;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

public class TaintMoreExtra {
    private static final Logger log = LoggerFactory.getLogger(TaintMoreExtra.class);
    private final ExpressionParser parser = new SpelExpressionParser();
    private Configuration cfg;
    private MongoCollection<Document> users;

    public void headers(HttpServletRequest request, HttpServletResponse response) {
        String lang = request.getParameter("lang");
        // ruleid: java.taint.header-injection
        response.setHeader("Content-Language", lang);
        // ruleid: java.taint.header-injection
        response.addHeader("X-Request-Id", "req-" + request.getHeader("X-Trace"));
        // ok: java.taint.header-injection
        response.setHeader("Content-Language", lang.replaceAll("[\\r\\n]", ""));
        // ok: java.taint.header-injection
        response.setHeader("Content-Disposition", "attachment; filename=" + URLEncoder.encode(lang, StandardCharsets.UTF_8));
    }

    public void audit(HttpServletRequest request) {
        String user = request.getParameter("user");
        // ruleid: java.taint.log-injection
        log.info("login failed for " + user);
        // ruleid: java.taint.log-injection
        log.warn("bad token from {}", request.getHeader("X-Client"));
        // ok: java.taint.log-injection
        log.info("login failed for {}", user.replaceAll("[\\r\\n]", "_"));
        // ok: java.taint.log-injection
        log.info("login failed ({} characters)", user.length());
    }

    public String greet(HttpServletRequest request) throws Exception {
        String name = request.getParameter("name");
        StringWriter out = new StringWriter();
        // ruleid: java.taint.template-injection
        Velocity.evaluate(new VelocityContext(), out, "greet", "Hello " + name);
        // ruleid: java.taint.template-injection
        Template t = new Template("page", new StringReader(request.getParameter("tpl")), cfg);
        // ok: java.taint.template-injection
        Velocity.evaluate(new VelocityContext(Map.of("name", name)), out, "greet", "Hello $name");
        // ok: java.taint.template-injection
        Template shipped = cfg.getTemplate("greeting.ftl");
        shipped.process(Map.of("name", name), out);
        return out.toString() + t;
    }

    @GetMapping("/price")
    public Object price(@RequestParam String formula, @RequestParam int qty) {
        // ruleid: java.taint.expression-injection
        Expression e = parser.parseExpression(formula);
        // ruleid: java.taint.expression-injection
        Object v = parser.parseExpression("#qty * " + formula).getValue();
        // ok: java.taint.expression-injection
        Expression fixed = parser.parseExpression("#price * #qty");
        // ok: java.taint.expression-injection
        Expression numeric = parser.parseExpression("2 * " + qty);
        return e.getValue().toString() + v + fixed + numeric;
    }

    public Object find(HttpServletRequest request) {
        String owner = request.getParameter("owner");
        // ruleid: java.taint.nosql-injection
        Object a = users.find(new BasicDBObject("$where", "this.owner == '" + owner + "'")).first();
        // ruleid: java.taint.nosql-injection
        Object b = users.find(Document.parse("{\"owner\": \"" + owner + "\"}")).first();
        // ok: java.taint.nosql-injection
        Object c = users.find(Filters.eq("owner", owner)).first();
        // ok: java.taint.nosql-injection
        Object d = users.find(Document.parse("{\"active\": true}")).first();
        return String.valueOf(a) + b + c + d;
    }
}
