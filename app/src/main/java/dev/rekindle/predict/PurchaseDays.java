package dev.rekindle.predict;

/**
 * Folds one customer's purchases, given in date order, into a {@link RepeatPurchases} summary. Purchases on
 * the same day are merged (their amounts added), as the BG/NBD model counts purchase occasions, not orders.
 * Reused for customer after customer so that a million customers stream through without garbage.
 */
public final class PurchaseDays {

    // purchase occasion = order (rekindle.purchase-occasion): each order on a day is a purchase of its own
    private final boolean eachOrder;

    /** Same-day purchases merged: the occasion is the day. */
    public PurchaseDays() {
        this(false);
    }

    /** @param eachOrder true when every order is an occasion (then add is called once per order) */
    public PurchaseDays(boolean eachOrder) {
        this.eachOrder = eachOrder;
    }

    private long firstDay;
    private long lastDay;
    private int days;
    private double firstDaySpend;
    private double totalSpend;

    /** Forgets the previous customer. */
    public void clear() {
        days = 0;
        firstDaySpend = 0;
        totalSpend = 0;
    }

    /**
     * @param epochDay the purchase's calendar day in the shop's time zone ({@code LocalDate.toEpochDay()})
     * @param amount   what was paid (several calls for the same day add up)
     */
    public void add(long epochDay, double amount) {
        if (days == 0) {
            firstDay = epochDay;
            lastDay = epochDay;
            days = 1;
            firstDaySpend = amount;
        } else if (epochDay == lastDay && eachOrder) {
            days++; // another order the same day: another purchase
        } else if (epochDay == lastDay) {
            if (days == 1) {
                firstDaySpend += amount;
            }
        } else if (epochDay > lastDay) {
            lastDay = epochDay;
            days++;
        } else {
            throw new IllegalArgumentException("purchases must come in date order");
        }
        totalSpend += amount;
    }

    public boolean isEmpty() {
        return days == 0;
    }

    public long firstDay() {
        return firstDay;
    }

    /** @param asOfEpochDay the last day of the observation period; no purchase may be later */
    public RepeatPurchases summarise(long asOfEpochDay) {
        if (days == 0) {
            throw new IllegalStateException("no purchases");
        }
        if (lastDay > asOfEpochDay) {
            throw new IllegalArgumentException("a purchase lies after the as-of date");
        }
        int frequency = days - 1;
        double monetary = frequency == 0 ? 0 : (totalSpend - firstDaySpend) / frequency;
        return new RepeatPurchases(frequency, (int) (lastDay - firstDay), (int) (asOfEpochDay - firstDay), monetary);
    }
}
