package accuracy.helpers;

import java.util.Set;

public class Checks {
    private static final Set<String> ALLOWED_HOSTS = Set.of("api.example.com", "cdn.example.com");

    public static boolean isAllowedHost(String host) {
        return ALLOWED_HOSTS.contains(host);
    }

    public static String digitsOnly(String s) {
        return String.valueOf(Long.parseLong(s));
    }
}
