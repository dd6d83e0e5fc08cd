package accuracy;

// A session id from Math.random().
public class Cwe330TrueMathRandom {
    public String sessionId() {
        // ruleid: java.crypto.insecure-random
        double d = Math.random();
        return Double.toString(d).substring(2);
    }
}
