package accuracy;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.util.Base64;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// A Base64 cookie is decoded and deserialised.
public class Cwe502TrueBase64Cookie extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        for (Cookie c : request.getCookies()) {
            if (c.getName().equals("prefs")) {
                byte[] raw = Base64.getDecoder().decode(c.getValue());
                // ruleid: java.taint.unsafe-deserialization
                ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(raw));
                in.readObject();
            }
        }
    }
}
