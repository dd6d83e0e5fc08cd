package accuracy;

import java.sql.Connection;
import java.sql.Statement;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.owasp.encoder.Encode;

// HTML encoding does not make a value safe inside SQL text.
public class Cwe89TrueWrongSanitizer extends HttpServlet {
    private Connection conn;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String city = Encode.forHtml(request.getHeader("X-City"));
        Statement st = conn.createStatement();
        // ruleid: java.taint.sql-injection
        st.execute("UPDATE prefs SET city = '" + city + "'");
    }
}
