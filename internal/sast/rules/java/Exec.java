package fixtures;

import java.io.IOException;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.servlet.http.HttpServletRequest;

class Exec {
    private static final String STATUS = "git status";

    void run(HttpServletRequest request, String dir) throws Exception {
        // ok: java.lang.exec-non-constant-command
        Runtime.getRuntime().exec("uptime");
        // ok: java.lang.exec-non-constant-command
        new ProcessBuilder("git", "status").start();
        // ok: java.lang.exec-non-constant-command
        Runtime.getRuntime().exec(new String[]{"ls", "-l", dir});
        // ok: java.lang.exec-non-constant-command
        Runtime.getRuntime().exec(STATUS);
        // In a servlet handler the taint rule decides, this rule stays quiet.
        // ok: java.lang.exec-non-constant-command
        Runtime.getRuntime().exec("ls " + dir);
        // ok: java.lang.exec-non-constant-command
        Runtime.getRuntime()
            // ruleid: java.taint.command-injection
            .exec(request.getParameter("cmd"), null);
        // ruleid: java.taint.command-injection
        // ok: java.lang.exec-non-constant-command
        new ProcessBuilder(request.getParameter("tool"), "-v").start();
    }

    // Outside request handlers the command's origin is not visible here.
    void runTool(String tool, String dir) throws IOException {
        // ruleid: java.lang.exec-non-constant-command
        Runtime.getRuntime().exec("ls " + dir);
        // ruleid: java.lang.exec-non-constant-command
        new ProcessBuilder(tool, "--version").start();
        // ok: java.lang.exec-non-constant-command
        new ProcessBuilder("git", "log").start();
    }

    void runQuiet(String cmd) {
        try {
            // ruleid: java.lang.exec-non-constant-command
            Runtime.getRuntime().exec(cmd);
        } catch (IOException e) {
            // ignored
        }
    }

    Object script(HttpServletRequest request) throws Exception {
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("js");
        // ok: java.lang.script-engine-eval-non-literal
        engine.eval("var ready = true;");
        if (request != null) {
            // ruleid: java.taint.code-injection
            // ok: java.lang.script-engine-eval-non-literal
            engine.eval(request.getParameter("expr"));
        }
        String code = request.getParameter("code");
        // ruleid: java.taint.code-injection
        // ok: java.lang.script-engine-eval-non-literal
        return engine.eval(code);
    }

    Object viaParameter(ScriptEngine scripts, Compilable compiler, String body) throws Exception {
        // ruleid: java.lang.script-engine-eval-non-literal
        compiler.compile(body);
        // ruleid: java.lang.script-engine-eval-non-literal
        return scripts.eval(body, scripts.getContext());
    }

    Object notAScriptEngine(Expression e, String s) {
        // ok: java.lang.script-engine-eval-non-literal
        return e.eval(s);
    }
}
