package dev.rekindle.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a snapshot is computed from, one entry per customer, in columns (a million customers fit in a few
 * tens of megabytes). First and last purchase are over all history up to the as-of date; frequency and
 * monetary are over the window.
 */
final class CustomerFacts {

    private int size;
    private long[] customerId;
    private int[] frequency;
    private double[] monetary;
    private int[] category;                       // index into categories, -1 = none
    final TimeColumn firstOrder;
    final TimeColumn lastOrder;
    private final List<String> categories = new ArrayList<>();
    private final Map<String, Integer> categoryIndex = new HashMap<>();

    CustomerFacts(int expected) {
        int capacity = Math.max(expected, 16);
        customerId = new long[capacity];
        frequency = new int[capacity];
        monetary = new double[capacity];
        category = new int[capacity];
        firstOrder = new TimeColumn(capacity);
        lastOrder = new TimeColumn(capacity);
    }

    void add(long id, String first, String last, int orders, double revenue, String mainCategory) {
        if (size == customerId.length) {
            int capacity = size * 2;
            customerId = Arrays.copyOf(customerId, capacity);
            frequency = Arrays.copyOf(frequency, capacity);
            monetary = Arrays.copyOf(monetary, capacity);
            category = Arrays.copyOf(category, capacity);
        }
        customerId[size] = id;
        firstOrder.set(size, first);
        lastOrder.set(size, last);
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
        return lastOrder.isPresent(i);
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
}
