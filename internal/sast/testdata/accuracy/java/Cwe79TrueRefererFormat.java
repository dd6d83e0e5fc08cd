package accuracy;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// The Referer header is an argument of a format call on the writer.
public class Cwe79TrueRefererFormat extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String back = request.getHeader("Referer");
        Object[] args = {"Back", back};
        // ruleid: java.taint.xss
        response.getWriter().format("<a href='%2$s'>%1$s</a>", args);
    }
}
