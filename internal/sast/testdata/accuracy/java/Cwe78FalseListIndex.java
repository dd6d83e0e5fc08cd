package accuracy;

import java.util.ArrayList;
import java.util.List;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// After removing the first element, index 1 holds a constant.
public class Cwe78FalseListIndex extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        List<String> args = new ArrayList<>();
        args.add("placeholder");
        args.add(request.getParameter("dir"));
        args.add("/var/log");
        args.remove(0);
        String dir = args.get(1);
        // ok: java.taint.command-injection
        Runtime.getRuntime().exec(new String[] {"ls", dir});
    }
}
