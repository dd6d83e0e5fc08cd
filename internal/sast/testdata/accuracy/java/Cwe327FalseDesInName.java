package accuracy;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;

// A strong transformation whose description mentions DES in a comment only.
public class Cwe327FalseDesInName {
    private static final String DESCRIPTION = "replaces the old DES scheme";
    private SecretKey key;

    public byte[] seal(byte[] data) throws Exception {
        // ok: java.crypto.weak-cipher
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
        c.init(Cipher.ENCRYPT_MODE, key);
        return c.doFinal(data);
    }
}
