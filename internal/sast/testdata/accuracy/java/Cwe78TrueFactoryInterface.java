package accuracy;

import accuracy.helpers.Transformer;
import accuracy.helpers.Transformers;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// The value goes through an interface obtained from a factory that returns it.
public class Cwe78TrueFactoryInterface extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {
        Transformer t = Transformers.identity();
        String file = t.apply(request.getParameter("file"));
        // ruleid: java.taint.command-injection
        Runtime.getRuntime().exec("gzip " + file);
    }
}
