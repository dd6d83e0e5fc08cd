package accuracy;

import java.util.ArrayList;
import java.util.List;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// After removing the first element, index 0 holds the request value.
public class Cwe78TrueListIndex extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        List<String> args = new ArrayList<>();
        args.add("placeholder");
        args.add(request.getParameter("dir"));
        args.add("-la");
        args.remove(0);
        String dir = args.get(0);
        // ruleid: java.taint.command-injection
        Runtime.getRuntime().exec(new String[] {"ls", dir});
    }
}
