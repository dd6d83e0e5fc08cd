package accuracy;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;

// The host part of an outgoing call comes from the request.
@RestController
public class Cwe918TrueRestTemplate {
    private final RestTemplate rest = new RestTemplate();

    @GetMapping("/proxy")
    public String proxy(@RequestParam("host") String host) {
        String url = "http://" + host + "/status";
        // ruleid: java.taint.ssrf
        return rest.getForObject(url, String.class);
    }
}
