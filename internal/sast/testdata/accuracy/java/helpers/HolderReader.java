package accuracy.helpers;

// Reads one field of an object passed in.
public class HolderReader {
    public static String readFixed(Holder h) {
        return h.fixedValue;
    }

    public static String readUser(Holder h) {
        return h.userValue;
    }
}
