package accuracy.helpers;

// Static helpers the cases call from another file.
public class TextHelper {
    public static String passThrough(String s) {
        return s;
    }

    public static String decorate(String s) {
        StringBuilder sb = new StringBuilder("[");
        sb.append(s).append("]");
        return sb.toString();
    }

    public static String constant(String ignored) {
        return "fixed-value";
    }

    public static String firstToken(String s) {
        String[] parts = s.split(",");
        return parts[0];
    }
}
