package accuracy;

import java.security.MessageDigest;

// SHA-512 fingerprints documents.
public class Cwe328FalseSha512 {
    private static final String ALG = "SHA-512";

    public byte[] fingerprint(byte[] doc) throws Exception {
        // ok: java.crypto.weak-hash
        MessageDigest md = MessageDigest.getInstance(ALG);
        return md.digest(doc);
    }
}
