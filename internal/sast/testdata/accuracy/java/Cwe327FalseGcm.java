package accuracy;

import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

// AES-GCM with a random IV.
public class Cwe327FalseGcm {
    private static final SecureRandom RNG = new SecureRandom();
    private SecretKey key;

    public byte[] seal(byte[] data) throws Exception {
        byte[] iv = new byte[12];
        RNG.nextBytes(iv);
        // ok: java.crypto.weak-cipher
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        return c.doFinal(data);
    }
}
