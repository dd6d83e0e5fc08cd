package fixtures;

import java.security.MessageDigest;
import java.util.Arrays;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

class Compare {
    boolean verify(byte[] providedMac, byte[] expectedMac, String signature, String header, byte[] body) {
        // ruleid: java.crypto.non-constant-time-compare
        if (Arrays.equals(providedMac, expectedMac)) {
            return true;
        }
        // ruleid: java.crypto.non-constant-time-compare
        if (signature.equals(header)) {
            return true;
        }
        // ok: java.crypto.non-constant-time-compare
        if (MessageDigest.isEqual(providedMac, expectedMac)) {
            return true;
        }
        // ok: java.crypto.non-constant-time-compare
        return Arrays.equals(body, new byte[0]);
    }

    void security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> {
            // ruleid: java.spring.actuator-public
            a.requestMatchers(EndpointRequest.toAnyEndpoint()).permitAll();
            // ok: java.spring.actuator-public
            a.requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll();
            // ok: java.spring.actuator-public
            a.requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole("OPS");
        });
        // ruleid: java.spring.actuator-public
        http.authorizeRequests().antMatchers("/actuator/**").permitAll();
    }
}
