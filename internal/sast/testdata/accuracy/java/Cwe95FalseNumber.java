package accuracy;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// Only a parsed number becomes part of the script.
public class Cwe95FalseNumber extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        double factor = Double.parseDouble(request.getParameter("factor"));
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("javascript");
        // ok: java.taint.code-injection
        Object result = engine.eval("Math.round(" + factor + " * 100)");
        response.getWriter().println(String.valueOf(result));
    }
}
