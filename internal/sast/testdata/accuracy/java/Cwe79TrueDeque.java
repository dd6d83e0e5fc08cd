package accuracy;

import java.util.ArrayDeque;
import java.util.Deque;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// A value pushed last is popped first.
public class Cwe79TrueDeque extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        Deque<String> stack = new ArrayDeque<>();
        stack.push("home");
        stack.push(request.getParameter("crumb"));
        String top = stack.pop();
        // ruleid: java.taint.xss
        response.getWriter().print("<nav>" + top + "</nav>");
    }
}
