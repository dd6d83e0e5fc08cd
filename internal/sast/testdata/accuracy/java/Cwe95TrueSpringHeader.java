package accuracy;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

// A request header becomes part of a script.
@RestController
public class Cwe95TrueSpringHeader {
    private final ScriptEngine engine = new ScriptEngineManager().getEngineByName("nashorn");

    @PostMapping("/calc")
    public Object calc(@RequestHeader("X-Expr") String expr) throws Exception {
        String script = "var x = " + expr + "; x * 2";
        // ruleid: java.taint.code-injection
        return engine.eval(script);
    }
}
