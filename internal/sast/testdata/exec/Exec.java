class Exec {
    void f(String cmd) throws Exception {
        // ruleid: test.java-exec
        Runtime.getRuntime().exec(cmd);
        // ruleid: test.java-exec
        Runtime
            .getRuntime()
            .exec(cmd, null);
        // ok: test.java-exec
        Runtime.getRuntime().exec("ls");
        // ok: test.java-exec
        Runtime.getRuntime().exec("l" + "s", null);
    }
}
