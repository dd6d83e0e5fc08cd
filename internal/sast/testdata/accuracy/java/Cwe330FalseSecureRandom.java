package accuracy;

import java.security.SecureRandom;
import java.util.Base64;

// A token from SecureRandom.
public class Cwe330FalseSecureRandom {
    private static final SecureRandom RNG = new SecureRandom();

    public String resetToken() {
        byte[] b = new byte[32];
        // ok: java.crypto.insecure-random
        RNG.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
