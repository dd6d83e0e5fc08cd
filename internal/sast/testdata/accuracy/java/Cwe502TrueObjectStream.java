package accuracy;

import java.io.InputStream;
import java.io.ObjectInputStream;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// The request body is read with Java serialization.
public class Cwe502TrueObjectStream extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {
        InputStream body = request.getInputStream();
        // ruleid: java.taint.unsafe-deserialization
        ObjectInputStream in = new ObjectInputStream(body);
        Object cart = in.readObject();
        response.getWriter().println(cart.hashCode());
    }
}
