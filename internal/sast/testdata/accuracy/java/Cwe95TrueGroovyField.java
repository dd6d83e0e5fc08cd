package accuracy;

import groovy.lang.GroovyShell;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// A rule text kept in a field is evaluated by Groovy.
public class Cwe95TrueGroovyField extends HttpServlet {
    private String rule;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {
        rule = request.getParameter("rule");
        response.getWriter().println(String.valueOf(apply()));
    }

    private Object apply() {
        GroovyShell shell = new GroovyShell();
        // ruleid: java.taint.code-injection
        return shell.evaluate(rule);
    }
}
