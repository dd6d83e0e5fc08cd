package accuracy;

import javax.script.Bindings;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// The script is constant; the request value is passed as a binding.
public class Cwe95FalseBindings extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("javascript");
        Bindings b = engine.createBindings();
        b.put("amount", request.getParameter("amount"));
        // ok: java.taint.code-injection
        Object result = engine.eval("amount * 1.2", b);
        response.getWriter().println(String.valueOf(result));
    }
}
