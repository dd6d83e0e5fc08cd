package accuracy;

import accuracy.helpers.TextHelper;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// A header chosen by the client becomes the Location of a 302.
public class Cwe601TrueLocationHeader extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String target = TextHelper.passThrough(request.getHeader("X-Return-To"));
        response.setStatus(302);
        // ruleid: java.taint.open-redirect
        response.setHeader("Location", target);
    }
}
