package dev.rekindle.segment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a snapshot is computed from, one entry per customer, in columns (a million customers take about
 * 30 MB). The last purchase is over all history up to the as-of date; frequency and monetary are over the
 * window. The order times themselves stay in the database: the snapshot copies them there.
 */
final class CustomerFacts {

    static final int NEVER = Integer.MIN_VALUE;

    private int size;
    private long[] customerId;
    private int[] lastOrderDay;                   // days since 1970-01-01, NEVER when the customer never bought
    private int[] frequency;
    private double[] monetary;
    private int[] category;                       // index into categories, -1 = none
    private final List<String> categories = new ArrayList<>();
    private final Map<String, Integer> categoryIndex = new HashMap<>();

    CustomerFacts(int expected) {
        int capacity = Math.max(expected, 16);
        customerId = new long[capacity];
        lastOrderDay = new int[capacity];
        frequency = new int[capacity];
        monetary = new double[capacity];
        category = new int[capacity];
    }

    /** @param lastOrderAt 'YYYY-MM-DD…' or null when the customer never bought */
    void add(long id, String lastOrderAt, int orders, double revenue, String mainCategory) {
        if (size == customerId.length) {
            int capacity = size * 2;
            customerId = Arrays.copyOf(customerId, capacity);
            lastOrderDay = Arrays.copyOf(lastOrderDay, capacity);
            frequency = Arrays.copyOf(frequency, capacity);
            monetary = Arrays.copyOf(monetary, capacity);
            category = Arrays.copyOf(category, capacity);
        }
        customerId[size] = id;
        lastOrderDay[size] = lastOrderAt == null ? NEVER : epochDay(lastOrderAt);
        frequency[size] = orders;
        monetary[size] = revenue;
        category[size] = mainCategory == null ? -1 : categoryIndex.computeIfAbsent(mainCategory, c -> {
            categories.add(c);
            return categories.size() - 1;
        });
        size++;
    }

    int size() {
        return size;
    }

    long customerId(int i) {
        return customerId[i];
    }

    boolean hasBought(int i) {
        return lastOrderDay[i] != NEVER;
    }

    int lastOrderDay(int i) {
        return lastOrderDay[i];
    }

    int frequency(int i) {
        return frequency[i];
    }

    double monetary(int i) {
        return monetary[i];
    }

    /** The index of the main category, -1 when the customer's orders carry none. */
    int categoryIndex(int i) {
        return category[i];
    }

    String category(int i) {
        return category[i] < 0 ? null : categories.get(category[i]);
    }

    List<String> categories() {
        return categories;
    }

    /** The calendar day of 'YYYY-MM-DD HH:MM:SS' (or any text starting with the date), read without a parser. */
    static int epochDay(String time) {
        if (time.length() >= 10 && time.charAt(4) == '-' && time.charAt(7) == '-') {
            int y = digits(time, 0, 4), m = digits(time, 5, 7), d = digits(time, 8, 10);
            if (y >= 0 && m >= 0 && d >= 0) {
                return (int) LocalDate.of(y, m, d).toEpochDay();
            }
        }
        return (int) LocalDate.parse(time.substring(0, Math.min(10, time.length()))).toEpochDay();
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
