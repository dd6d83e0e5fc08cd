package accuracy.helpers;

// A factory that hands out implementations by interface.
public class Transformers {
    public static Transformer identity() {
        return new IdentityTransformer();
    }

    public static Transformer fixed() {
        return new FixedTransformer();
    }
}
