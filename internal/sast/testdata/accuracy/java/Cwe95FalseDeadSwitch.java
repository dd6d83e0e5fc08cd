package accuracy;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// A switch on a constant string keeps the script fixed.
public class Cwe95FalseDeadSwitch extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String param = request.getParameter("script");
        String script;
        String mode = "safe";
        switch (mode) {
            case "custom":
                script = param;
                break;
            default:
                script = "1 + 1";
        }
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("javascript");
        // ok: java.taint.code-injection
        Object r = engine.eval(script);
        response.getWriter().println(String.valueOf(r));
    }
}
