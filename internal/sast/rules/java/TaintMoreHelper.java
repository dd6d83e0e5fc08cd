package com.example.web;

import java.io.*;

public class TaintMoreHelper {
    static String filterFor(String user) {
        return "(&(objectClass=person)(uid=" + user + "))";
    }

    static String userPath(String name) {
        return "/users/user[@name='" + name + "']";
    }

    static InputStream buffered(InputStream in) {
        return new BufferedInputStream(in);
    }
}
