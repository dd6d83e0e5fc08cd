package com.shop.repo;

import java.util.Locale;

public final class TwinHelpers {
    private TwinHelpers() {
    }

    // Two helpers in a row: the caller's value reaches the returned SQL.
    public static String orderQuery(String customer) {
        String where = whereCustomer(customer);
        return "SELECT id, total FROM orders " + where + " ORDER BY placed DESC";
    }

    static String whereCustomer(String customer) {
        StringBuilder sb = new StringBuilder("WHERE customer = '");
        sb.append(customer.trim().toLowerCase(Locale.ROOT)).append("'");
        return sb.toString();
    }

    // The same shape, but the value is a number by the time it is used.
    public static String orderById(String id) {
        return "SELECT id, total FROM orders WHERE id = " + numeric(id);
    }

    static long numeric(String id) {
        return Long.parseLong(id);
    }

    public static String banner(String who) {
        return "<h1>Welcome " + who + "</h1>";
    }
}
