package accuracy;

import java.io.PrintWriter;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// An inner class writes what it is given.
public class Cwe79TrueInnerClass extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String comment = request.getParameter("comment");
        new Renderer(response.getWriter()).render(comment);
    }

    private static class Renderer {
        private final PrintWriter out;

        Renderer(PrintWriter out) {
            this.out = out;
        }

        void render(String text) {
            // ruleid: java.taint.xss
            out.write("<div class='comment'>" + text + "</div>");
        }
    }
}
