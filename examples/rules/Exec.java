package example;

import java.io.IOException;
import java.util.List;

class Exec {
    void run(String userCmd, Other other) throws IOException {
        // ruleid: examples.java-exec
        Runtime.getRuntime().exec(userCmd);
        // ruleid: examples.java-exec
        java.lang.Runtime.getRuntime()
            .exec(userCmd, null);
        // ruleid: examples.java-exec
        new ProcessBuilder(userCmd, "-x").start();
        // ruleid: examples.java-exec
        new java.lang.ProcessBuilder(
            List.of("sh", "-c", userCmd)).start();
        // ok: examples.java-exec
        Runtime.getRuntime().exec("ls");
        // ok: examples.java-exec
        new ProcessBuilder("ls", "-l").start();
        // ok: examples.java-exec
        other.getRuntime().exec(userCmd);
    }
}
