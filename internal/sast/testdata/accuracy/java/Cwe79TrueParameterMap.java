package accuracy;

import accuracy.helpers.TextHelper;
import java.io.PrintWriter;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// A value from the parameter map is decorated by a helper and echoed.
public class Cwe79TrueParameterMap extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        Map<String, String[]> params = request.getParameterMap();
        String[] values = params.get("greeting");
        String greeting = values != null ? values[0] : "hello";
        PrintWriter out = response.getWriter();
        // ruleid: java.taint.xss
        out.println("<h1>" + TextHelper.decorate(greeting) + "</h1>");
    }
}
