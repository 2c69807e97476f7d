package dev.rekindle.predict;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The CDNOW sample as shipped by the lifetimes project (test resource {@code cdnow/CDNOW_sample.txt}): one
 * line per order, {@code master_id sample_id YYYYMMDD cds dollars}; the customer is the sample id.
 */
final class CdnowSample {

    /** The published calibration period of Fader, Hardie &amp; Lee ends here. */
    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

    record Order(int customer, LocalDate day, double dollars) {
    }

    private CdnowSample() {
    }

    static List<Order> orders() {
        List<Order> orders = new ArrayList<>();
        DateTimeFormatter basic = DateTimeFormatter.BASIC_ISO_DATE;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                CdnowSample.class.getResourceAsStream("/cdnow/CDNOW_sample.txt")), StandardCharsets.US_ASCII))) {
            for (String line; (line = in.readLine()) != null; ) {
                String[] f = line.trim().split("\\s+");
                orders.add(new Order(Integer.parseInt(f[1]), LocalDate.parse(f[2], basic), Double.parseDouble(f[4])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return orders;
    }

    /** Every customer's summary as of the calibration end, by customer id, through {@link PurchaseDays}. */
    static Map<Integer, RepeatPurchases> summaries() {
        Map<Integer, List<Order>> byCustomer = new TreeMap<>();
        for (Order o : orders()) {
            if (!o.day().isAfter(CALIBRATION_END)) {
                byCustomer.computeIfAbsent(o.customer(), c -> new ArrayList<>()).add(o);
            }
        }
        Map<Integer, RepeatPurchases> summaries = new TreeMap<>();
        PurchaseDays days = new PurchaseDays();
        byCustomer.forEach((customer, list) -> {
            days.clear();
            list.sort(Comparator.comparing(Order::day));
            list.forEach(o -> days.add(o.day().toEpochDay(), o.dollars()));
            summaries.put(customer, days.summarise(CALIBRATION_END.toEpochDay()));
        });
        return summaries;
    }

    static Cohort cohort() {
        Cohort cohort = new Cohort();
        summaries().forEach((customer, s) -> cohort.add(customer, s));
        return cohort;
    }

    /**
     * The summaries with the mean spend rounded to cents, as in the lifetimes file
     * {@code cdnow_customers_summary_with_transactions.csv} on which the published Gamma-Gamma fit was made.
     */
    static Cohort cohortInPublishedPrecision() {
        Cohort cohort = new Cohort();
        summaries().forEach((customer, s) -> cohort.add(customer, new RepeatPurchases(s.frequency(), s.recencyDays(),
                s.ageDays(), Math.round(s.monetary() * 100) / 100.0)));
        return cohort;
    }
}
