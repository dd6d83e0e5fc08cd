package fixtures;

import java.security.MessageDigest;

class Crypto {
    byte[] digests(byte[] data) throws Exception {
        // ruleid: java.crypto.weak-hash
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        // ruleid: java.crypto.weak-hash
        byte[] sha1 = java.security.MessageDigest.getInstance("SHA-1").digest(data);
        // ruleid: java.crypto.weak-hash
        MessageDigest legacy = MessageDigest.getInstance("sha1", "SUN");
        // ok: java.crypto.weak-hash
        MessageDigest good = MessageDigest.getInstance("SHA-256");
        // ok: java.crypto.weak-hash
        MessageDigest other = MessageDigest.getInstance("SHA3-512");
        return good.digest(data);
    }
}
