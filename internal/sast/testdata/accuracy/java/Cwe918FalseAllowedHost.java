package accuracy;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;

// The request picks a backend by name; the URL comes from configuration.
@RestController
public class Cwe918FalseAllowedHost {
    private final RestTemplate rest = new RestTemplate();
    private final Map<String, String> backends = Map.of("billing", "http://billing.internal/status");

    @GetMapping("/status")
    public String status(@RequestParam("svc") String svc) {
        String url = "http://inventory.internal/status";
        // ok: java.taint.ssrf
        return rest.getForObject(url, String.class) + svc.length();
    }
}
