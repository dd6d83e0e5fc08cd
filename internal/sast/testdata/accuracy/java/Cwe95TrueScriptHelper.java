package accuracy;

import accuracy.helpers.Relay;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// A formula from the request is evaluated by a script engine.
public class Cwe95TrueScriptHelper extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("javascript");
        String formula = new Relay("").forward(request.getParameter("formula"));
        // ruleid: java.taint.code-injection
        Object result = engine.eval(formula);
        response.getWriter().println(String.valueOf(result));
    }
}
