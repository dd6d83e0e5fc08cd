package accuracy;

import java.util.Random;

// A password reset token from java.util.Random.
public class Cwe330TrueRandomToken {
    public String resetToken() {
        // ruleid: java.crypto.insecure-random
        Random r = new Random();
        return Long.toHexString(r.nextLong());
    }
}
