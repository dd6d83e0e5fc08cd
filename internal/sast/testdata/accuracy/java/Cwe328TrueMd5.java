package accuracy;

import java.security.MessageDigest;

// MD5 checks the integrity of uploaded archives.
public class Cwe328TrueMd5 {
    public byte[] checksum(byte[] archive) throws Exception {
        // ruleid: java.crypto.weak-hash
        MessageDigest md = MessageDigest.getInstance("MD5");
        return md.digest(archive);
    }
}
