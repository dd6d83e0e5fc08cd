package com.example.web;

public class TaintWebHelper {
    static String filter(String raw) {
        return "status = '" + raw.trim() + "'";
    }

    static String select(String table, String where) {
        StringBuilder sb = new StringBuilder("SELECT * FROM ");
        sb.append(table).append(" WHERE ").append(where);
        return sb.toString();
    }

    static String quoteless(String s) {
        return "nslookup " + s.replace("\"", "");
    }

    static String heading(String s) {
        return String.format("<h1>%s</h1>", s);
    }
}
