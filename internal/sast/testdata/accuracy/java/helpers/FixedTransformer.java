package accuracy.helpers;

public class FixedTransformer implements Transformer {
    @Override
    public String apply(String s) {
        return "fixed";
    }
}
