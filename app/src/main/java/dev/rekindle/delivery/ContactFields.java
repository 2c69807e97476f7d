package dev.rekindle.delivery;

import dev.rekindle.filter.FilterField;
import dev.rekindle.filter.FilterFieldProvider;
import dev.rekindle.filter.SqlFragment;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the delivery ledger knows about a customer, as fields of the filter language:
 * {@code days_since_last_contact} (no value for someone never contacted) and {@code contacts_30d}.
 * "Contact" is a message handed to a channel, whatever its outcome.
 */
@Component
class ContactFields implements FilterFieldProvider {

    @Override
    public List<FilterField> fields() {
        return List.of(
                FilterField.number("days_since_last_contact", "days from the last message we sent to the as-of date", "NULL")
                        .withExpression((ctx, args) -> SqlFragment.of("""
                                (SELECT CAST(julianday(?) - julianday(max(d.contacted_at)) AS INTEGER)
                                 FROM deliveries d WHERE d.customer_id = c.id AND d.contacted_at IS NOT NULL
                                   AND d.contacted_at < ?)""", ctx.asOf().toString(), ctx.endOfAsOf())),
                FilterField.number("contacts_30d", "messages sent to the customer in the 30 days up to the as-of date", "0")
                        .withExpression((ctx, args) -> SqlFragment.of("""
                                (SELECT count(*) FROM deliveries d WHERE d.customer_id = c.id
                                   AND d.contacted_at >= ? AND d.contacted_at < ?)""",
                                ctx.asOf().minusDays(29).toString(), ctx.endOfAsOf()))
                        .notNull());
    }
}
