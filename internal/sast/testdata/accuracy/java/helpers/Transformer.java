package accuracy.helpers;

public interface Transformer {
    String apply(String s);
}
