package accuracy;

import java.security.MessageDigest;

// SHA-1 signs download links.
public class Cwe328TrueSha1 {
    public byte[] sign(String link) throws Exception {
        // ruleid: java.crypto.weak-hash
        MessageDigest md = MessageDigest.getInstance("SHA1");
        md.update(link.getBytes());
        return md.digest();
    }
}
