package accuracy;

import accuracy.helpers.TextHelper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// A webhook address from the request is called by the server.
public class Cwe918TrueHelperUri extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String hook = TextHelper.passThrough(request.getParameter("webhook"));
        // ruleid: java.taint.ssrf
        HttpRequest req = HttpRequest.newBuilder(URI.create(hook)).build();
        HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.discarding());
    }
}
