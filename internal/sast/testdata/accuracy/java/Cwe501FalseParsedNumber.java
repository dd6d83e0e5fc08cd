package accuracy;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

// A page size, parsed as a number, is stored in the session.
public class Cwe501FalseParsedNumber extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        int size = Integer.parseInt(request.getParameter("size"));
        HttpSession session = request.getSession();
        // ok: java.taint.trust-boundary
        session.setAttribute("pageSize", Math.min(size, 100));
    }
}
