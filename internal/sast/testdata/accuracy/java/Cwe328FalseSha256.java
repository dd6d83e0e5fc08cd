package accuracy;

import java.security.MessageDigest;

// SHA-256 checks the integrity of uploaded archives.
public class Cwe328FalseSha256 {
    public byte[] checksum(byte[] archive) throws Exception {
        // ok: java.crypto.weak-hash
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        return md.digest(archive);
    }
}
