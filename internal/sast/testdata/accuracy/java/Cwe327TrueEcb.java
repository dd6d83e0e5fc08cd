package accuracy;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;

// AES in ECB mode leaks equal blocks.
public class Cwe327TrueEcb {
    private SecretKey key;

    public byte[] seal(byte[] data) throws Exception {
        // ruleid: java.crypto.ecb-mode
        Cipher c = Cipher.getInstance("AES/ECB/PKCS5Padding");
        c.init(Cipher.ENCRYPT_MODE, key);
        return c.doFinal(data);
    }
}
