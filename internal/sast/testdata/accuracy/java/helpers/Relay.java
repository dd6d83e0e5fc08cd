package accuracy.helpers;

// An instance helper that hands its argument to a second helper.
public class Relay {
    private final String prefix;

    public Relay(String prefix) {
        this.prefix = prefix;
    }

    public String forward(String s) {
        return TextHelper.decorate(prefix + s);
    }

    public String ignore(String s) {
        return prefix + "-default";
    }
}
