package com.shop.repo;

// An interface with two implementations and a factory for each: calls
// through the interface run the implementations.
public interface Formats {
    String format(String s);
}

class EchoFormat implements Formats {
    public String format(String s) {
        return "'" + s + "'";
    }
}

abstract class BaseFormat implements Formats {
    public abstract String format(String s);
}

class FixedFormat extends BaseFormat {
    public String format(String s) {
        return "'none'";
    }
}

class FormatFactory {
    static Formats echo() {
        return new EchoFormat();
    }

    static Formats fixed() {
        return new FixedFormat();
    }

    static Formats either(boolean b) {
        if (b) {
            return new EchoFormat();
        }
        return new FixedFormat();
    }
}
