package accuracy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// The body is read as JSON into a map; only a built-in blob is deserialised.
public class Cwe502FalseJson extends HttpServlet {
    private static final byte[] DEFAULTS = new byte[] {(byte) 0xac, (byte) 0xed, 0, 5};

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {
        Map<?, ?> body = new ObjectMapper().readValue(request.getInputStream(), Map.class);
        byte[] blob = DEFAULTS;
        // ok: java.taint.unsafe-deserialization
        ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(blob));
        response.getWriter().println(body.size() + in.available());
    }
}
