package dev.rekindle.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** One drawn demo customer with their orders and consent decisions. */
record DemoCustomer(String buyerId, String name, String mobile, String email, String wechatId, String birthday,
        String gender, String city, String memberLevel, int points, LocalDateTime createdAt, List<Order> orders,
        List<Object[]> consents) {

    record Order(LocalDateTime createdAt, LocalDateTime paidAt, double amount, String status, int items,
            DemoCatalog category) {
    }

    static DemoCustomer draw(int n, SplittableRandom r, LocalDate anchor) {
        String name = DemoPeople.name(r);
        String mobile = DemoPeople.mobile(r);
        String email = r.nextInt(100) < 62 ? DemoPeople.email(r, mobile) : null;
        String wechat = r.nextInt(100) < 35 ? DemoPeople.wechatId(r) : null;
        String gender = r.nextInt(100) < 66 ? "F" : "M";
        String birthday = r.nextInt(100) < 78 ? LocalDate.of(1962 + r.nextInt(43), 1 + r.nextInt(12), 1 + r.nextInt(28)).toString() : null;
        String city = DemoPeople.city(r);

        // When they first bought: recent first purchases are likelier (a growing shop).
        int firstDaysAgo = 1 + (int) (DemoDataGenerator.HISTORY_DAYS * Math.pow(r.nextDouble(), 1.25));
        List<Order> orders = r.nextInt(100) < 3 ? List.of() : drawOrders(r, anchor, firstDaysAgo);
        LocalDateTime created = anchor.minusDays(firstDaysAgo + r.nextInt(30)).atTime(9 + r.nextInt(12), r.nextInt(60));
        double revenue = orders.stream().filter(o -> o.status().equals("completed") || o.status().equals("paid"))
                .mapToDouble(Order::amount).sum();
        String level = revenue >= 3000 ? "svip" : revenue >= 1500 ? "vip" : revenue >= 500 ? "senior" : "normal";
        return new DemoCustomer(DemoPeople.buyerId(n), name, mobile, email, wechat, birthday, gender, city, level,
                (int) revenue, created, orders, consents(n, r, email != null, wechat != null, anchor));
    }

    private static List<Order> drawOrders(SplittableRandom r, LocalDate anchor, int firstDaysAgo) {
        DemoCatalog[] cats = DemoCatalog.values();
        DemoCatalog favourite = cats[r.nextInt(cats.length)];
        double spendLevel = Math.exp(r.nextGaussian() * 0.45);
        boolean oneTimer = r.nextInt(100) < 45;
        // Repeat buyers: their own rhythm (consumables faster) and their own chance of drifting away.
        double meanGap = Math.max(10, favourite.lifespanDays * (0.5 + r.nextDouble()) * 0.8);
        double driftAway = 0.04 + r.nextDouble() * 0.30;
        List<Order> orders = new ArrayList<>();
        double daysAgo = firstDaysAgo;
        while (daysAgo >= 0 && orders.size() < 60) {
            DemoCatalog cat = r.nextInt(100) < 72 ? favourite : cats[r.nextInt(cats.length)];
            LocalDateTime at = anchor.minusDays(Math.max(1, (long) Math.ceil(daysAgo))).atTime(hour(r), r.nextInt(60), r.nextInt(60));
            orders.add(order(r, at, cat, spendLevel, daysAgo));
            if (oneTimer || r.nextDouble() < driftAway) {
                break;
            }
            daysAgo -= Math.max(1, -Math.log(1 - r.nextDouble()) * meanGap);
        }
        return orders;
    }

    private static Order order(SplittableRandom r, LocalDateTime at, DemoCatalog cat, double spendLevel, double daysAgo) {
        int items = 1 + (r.nextInt(100) < 30 ? r.nextInt(4) : 0);
        double amount = Math.round(cat.typicalAmount * spendLevel * Math.exp(r.nextGaussian() * 0.35) * (0.8 + 0.2 * items) * 100) / 100.0;
        int roll = r.nextInt(100);
        String status;
        LocalDateTime paid = at.plusMinutes(1 + r.nextInt(30));
        if (daysAgo < 7) {
            status = "paid"; // not yet confirmed received
        } else if (roll < 93) {
            status = "completed";
        } else if (roll < 96) {
            status = "closed";
            paid = null;
        } else if (roll < 98) {
            status = "refunded";
        } else {
            status = "unpaid";
            paid = null;
        }
        return new Order(at, paid, amount, status, items, cat);
    }

    private static int hour(SplittableRandom r) {
        // evenings and lunch breaks are when people shop
        int[] hours = {9, 10, 11, 12, 12, 13, 14, 15, 16, 19, 20, 20, 21, 21, 22, 22, 23};
        return hours[r.nextInt(hours.length)];
    }

    private static List<Object[]> consents(int id, SplittableRandom r, boolean hasEmail, boolean hasWechat, LocalDate anchor) {
        List<Object[]> list = new ArrayList<>();
        String when = DemoDataGenerator.timestamp(anchor.minusDays(r.nextInt(600)).atTime(10, 0));
        int roll = r.nextInt(100);
        if (roll < 2) {
            list.add(new Object[]{id, "*", 0, "customer service: asked not to be contacted", when});
            return list;
        }
        if (roll < 8) {
            list.add(new Object[]{id, "sms", 0, "reply:TD", when});
        } else if (roll < 62) {
            list.add(new Object[]{id, "sms", 1, "checkout opt-in", when});
        }
        if (hasEmail) {
            int e = r.nextInt(100);
            if (e < 3) list.add(new Object[]{id, "email", 0, "unsubscribe link", when});
            else if (e < 45) list.add(new Object[]{id, "email", 1, "newsletter sign-up", when});
        }
        if (hasWechat && r.nextInt(100) < 60) {
            list.add(new Object[]{id, "wechat", 1, "followed official account", when});
        }
        return list;
    }
}
