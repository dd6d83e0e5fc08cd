package accuracy;

import java.io.FileInputStream;
import java.io.ObjectInputStream;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// The stream comes from a server-side file; the request only picks a number.
public class Cwe502FalseLocalFile extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        int slot = Integer.parseInt(request.getParameter("slot"));
        FileInputStream fis = new FileInputStream("/var/cache/app/slot" + slot + ".bin");
        // ok: java.taint.unsafe-deserialization
        ObjectInputStream in = new ObjectInputStream(fis);
        response.getWriter().println(in.readObject().hashCode());
    }
}
