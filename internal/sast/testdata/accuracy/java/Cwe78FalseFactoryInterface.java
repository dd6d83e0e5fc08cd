package accuracy;

import accuracy.helpers.Transformer;
import accuracy.helpers.Transformers;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// The factory hands out an implementation that drops its argument.
public class Cwe78FalseFactoryInterface extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {
        Transformer t = Transformers.fixed();
        String file = t.apply(request.getParameter("file"));
        // ok: java.taint.command-injection
        Runtime.getRuntime().exec("gzip " + file);
    }
}
