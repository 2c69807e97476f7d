package dev.rekindle.predict;

import java.util.Arrays;

/**
 * The repeat-purchase summaries of all customers being fitted, kept column by column in primitive arrays:
 * a million customers take about 30 MB, and the likelihood loops run over plain arrays.
 */
public final class Cohort {

    private long[] ids = new long[1024];
    private int[] frequency = new int[1024];
    private int[] recencyDays = new int[1024];
    private int[] ageDays = new int[1024];
    private double[] monetary = new double[1024];
    private int size;
    private int maxAgeDays;
    private int repeatCustomers;

    public void add(long customerId, RepeatPurchases s) {
        if (size == ids.length) {
            int n = size * 2;
            ids = Arrays.copyOf(ids, n);
            frequency = Arrays.copyOf(frequency, n);
            recencyDays = Arrays.copyOf(recencyDays, n);
            ageDays = Arrays.copyOf(ageDays, n);
            monetary = Arrays.copyOf(monetary, n);
        }
        ids[size] = customerId;
        frequency[size] = s.frequency();
        recencyDays[size] = s.recencyDays();
        ageDays[size] = s.ageDays();
        monetary[size] = s.monetary();
        maxAgeDays = Math.max(maxAgeDays, s.ageDays());
        if (s.frequency() > 0) {
            repeatCustomers++;
        }
        size++;
    }

    public int size() {
        return size;
    }

    /** Customers with at least one repeat purchase day. */
    public int repeatCustomers() {
        return repeatCustomers;
    }

    public long customerId(int i) {
        return ids[i];
    }

    public RepeatPurchases get(int i) {
        return new RepeatPurchases(frequency[i], recencyDays[i], ageDays[i], monetary[i]);
    }

    int frequency(int i) {
        return frequency[i];
    }

    int recencyDays(int i) {
        return recencyDays[i];
    }

    int ageDays(int i) {
        return ageDays[i];
    }

    double monetary(int i) {
        return monetary[i];
    }

    int maxAgeDays() {
        return maxAgeDays;
    }
}
