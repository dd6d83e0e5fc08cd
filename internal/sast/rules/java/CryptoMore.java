package fixtures;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.jsonwebtoken.Jwts;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509TrustManager;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;

class CryptoMore {
    private static final SecureRandom RNG = new SecureRandom();

    void ciphers() throws Exception {
        // ruleid: java.crypto.weak-cipher
        Cipher a = Cipher.getInstance("DESede/CBC/PKCS5Padding");
        // ruleid: java.crypto.weak-cipher
        Cipher b = Cipher.getInstance("RC4");
        // ok: java.crypto.weak-cipher
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        // ok: java.crypto.weak-cipher
        Cipher d = Cipher.getInstance("ChaCha20-Poly1305");
        // ruleid: java.crypto.ecb-mode
        Cipher e = Cipher.getInstance("AES");
        // ruleid: java.crypto.ecb-mode
        Cipher f = Cipher.getInstance("AES/ECB/PKCS5Padding");
        // ok: java.crypto.ecb-mode
        Cipher g = Cipher.getInstance("AES/CBC/PKCS5Padding");
        // ok: java.crypto.ecb-mode
        Cipher h = Cipher.getInstance("AES/GCM/NoPadding");
        // ruleid: java.crypto.rsa-no-padding
        Cipher i = Cipher.getInstance("RSA/ECB/NoPadding");
        // ruleid: java.crypto.rsa-no-padding
        Cipher j = Cipher.getInstance("RSA/None/NoPadding", "BC");
        // ok: java.crypto.rsa-no-padding
        Cipher k = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        // ok: java.crypto.rsa-no-padding
        Cipher l = Cipher.getInstance("AES/CTR/NoPadding");
    }

    void ivs(Cipher c, SecretKey key) throws Exception {
        // ruleid: java.crypto.static-iv
        c.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec("0123456789abcdef".getBytes()));
        // ruleid: java.crypto.static-iv
        c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, new byte[12]));
        // ruleid: java.crypto.static-iv
        IvParameterSpec zero = new IvParameterSpec(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        byte[] iv = new byte[12];
        RNG.nextBytes(iv);
        // ok: java.crypto.static-iv
        c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        // ok: java.crypto.static-iv
        IvParameterSpec spec = new IvParameterSpec(iv);
    }

    void keys(byte[] raw) {
        // ruleid: java.crypto.hardcoded-key
        SecretKeySpec a = new SecretKeySpec("0123456789abcdef".getBytes(StandardCharsets.UTF_8), "AES");
        // ruleid: java.crypto.hardcoded-key
        Algorithm b = Algorithm.HMAC256("secret");
        // ok: java.crypto.hardcoded-key
        SecretKeySpec c = new SecretKeySpec(Base64.getDecoder().decode(System.getenv("DATA_KEY")), "AES");
        // ok: java.crypto.hardcoded-key
        Algorithm d = Algorithm.HMAC256(System.getenv("JWT_SECRET"));
    }

    String generateResetToken() {
        // ruleid: java.crypto.insecure-random
        Random r = new Random();
        return Long.toHexString(r.nextLong());
    }

    String newSessionId() {
        // ruleid: java.crypto.insecure-random
        return Double.toString(Math.random()).substring(2);
    }

    String newApiToken() {
        byte[] b = new byte[32];
        // ok: java.crypto.insecure-random
        RNG.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    String newCsrfToken() throws Exception {
        // ruleid: java.crypto.insecure-random
        return Integer.toString(ThreadLocalRandom.current().nextInt());
    }

    void rememberMe(HttpServletResponse response) {
        double d = new Random().nextDouble();
        String key = Double.toString(d).substring(2);
        // ruleid: java.crypto.insecure-random-credential
        response.addCookie(new Cookie("remember", key));
        byte[] b = new byte[16];
        RNG.nextBytes(b);
        // ok: java.crypto.insecure-random-credential
        response.addCookie(new Cookie("remember", Base64.getEncoder().encodeToString(b)));
        // ok: java.crypto.insecure-random-credential
        response.addCookie(new Cookie("nonce", Long.toHexString(RNG.nextLong())));
    }

    void sessionCookie(HttpServletResponse response) {
        String sid = Long.toHexString(new Random().nextLong());
        // ruleid: java.crypto.insecure-random-credential
        Cookie c = new Cookie("sid", sid);
        c.setSecure(true);
        c.setHttpOnly(true);
        response.addCookie(c);
    }

    int pickShard(int n) {
        // ok: java.crypto.insecure-random
        return new Random().nextInt(n);
    }

    void keyPairs() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        // ruleid: java.crypto.rsa-short-key
        g.initialize(1024);
        KeyPairGenerator d = KeyPairGenerator.getInstance("DSA");
        // ruleid: java.crypto.rsa-short-key
        d.initialize(512, RNG);
        KeyPairGenerator ok = KeyPairGenerator.getInstance("RSA");
        // ok: java.crypto.rsa-short-key
        ok.initialize(3072);
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        // ok: java.crypto.rsa-short-key
        ec.initialize(256);
    }

    static class TrustAll implements X509TrustManager {
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        // ruleid: java.tls.trust-all-certificates
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    }

    static class Pinned implements X509TrustManager {
        private final X509TrustManager delegate;

        Pinned(X509TrustManager delegate) { this.delegate = delegate; }

        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        // ok: java.tls.trust-all-certificates
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
            delegate.checkServerTrusted(chain, authType);
        }

        public X509Certificate[] getAcceptedIssuers() { return delegate.getAcceptedIssuers(); }
    }

    void netty(io.netty.handler.ssl.SslContextBuilder b, javax.net.ssl.TrustManagerFactory tmf) {
        // ruleid: java.tls.trust-all-certificates
        b.trustManager(InsecureTrustManagerFactory.INSTANCE);
        // ok: java.tls.trust-all-certificates
        b.trustManager(tmf);
    }

    static class AnyHost implements HostnameVerifier {
        // ruleid: java.tls.hostname-verification-disabled
        public boolean verify(String hostname, SSLSession session) { return true; }
    }

    void hosts(HttpsURLConnection conn, org.apache.http.impl.client.HttpClientBuilder b) {
        // ruleid: java.tls.hostname-verification-disabled
        conn.setHostnameVerifier((h, s) -> true);
        // ruleid: java.tls.hostname-verification-disabled
        b.setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE);
        // ok: java.tls.hostname-verification-disabled
        conn.setHostnameVerifier(HttpsURLConnection.getDefaultHostnameVerifier());
        // ok: java.tls.hostname-verification-disabled
        conn.setHostnameVerifier((h, s) -> "api.internal".equals(h) && HttpsURLConnection.getDefaultHostnameVerifier().verify(h, s));
    }

    void protocols() throws Exception {
        // ruleid: java.tls.weak-protocol
        SSLContext a = SSLContext.getInstance("SSL");
        // ruleid: java.tls.weak-protocol
        SSLContext b = SSLContext.getInstance("TLSv1.1");
        // ok: java.tls.weak-protocol
        SSLContext c = SSLContext.getInstance("TLSv1.3");
        // ok: java.tls.weak-protocol
        SSLContext d = SSLContext.getInstance("TLS");
    }

    void tokens(String token, javax.crypto.SecretKey key) {
        // ruleid: java.jwt.unverified-token
        Object a = Jwts.parser().setSigningKey(key).parseClaimsJwt(token);
        // ruleid: java.jwt.unverified-token
        Algorithm none = Algorithm.none();
        // ok: java.jwt.unverified-token
        Object b = Jwts.parser().verifyWith(key).build().parseSignedClaims(token);
        // ok: java.jwt.unverified-token
        Object c = JWT.require(Algorithm.HMAC256(System.getenv("K"))).build().verify(token);
    }

    void passwords(char[] pw, byte[] salt) {
        // ruleid: java.crypto.weak-password-hash
        Object a = NoOpPasswordEncoder.getInstance();
        // ruleid: java.crypto.weak-password-hash
        Object b = new BCryptPasswordEncoder(4);
        // ruleid: java.crypto.weak-password-hash
        PBEKeySpec c = new PBEKeySpec(pw, salt, 1000, 256);
        // ok: java.crypto.weak-password-hash
        Object d = new BCryptPasswordEncoder(12);
        // ok: java.crypto.weak-password-hash
        PBEKeySpec e = new PBEKeySpec(pw, salt, 600000, 256);
    }
}
