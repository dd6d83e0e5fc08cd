package accuracy;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;

// DES protects stored card tokens.
public class Cwe327TrueDes {
    private SecretKey key;

    public byte[] seal(byte[] token) throws Exception {
        // ruleid: java.crypto.weak-cipher
        Cipher c = Cipher.getInstance("DES/CBC/PKCS5Padding");
        c.init(Cipher.ENCRYPT_MODE, key);
        return c.doFinal(token);
    }
}
