package accuracy.helpers;

public class IdentityTransformer implements Transformer {
    @Override
    public String apply(String s) {
        return s.trim();
    }
}
