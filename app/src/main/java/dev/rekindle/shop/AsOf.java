package dev.rekindle.shop;

import dev.rekindle.console.UsageException;
import dev.rekindle.i18n.Tr;
import dev.rekindle.shop.ShopProfile;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The {@code --as-of YYYY-MM-DD} option every analysis command shares: blank means today in the shop. */
public final class AsOf {

    private AsOf() {
    }

    public static LocalDate parse(String value, ShopProfile shop) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("today")) {
            return shop.today();
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new UsageException(Tr.f("--as-of takes a date like 2025-01-01, got '%s'", value));
        }
    }
}
