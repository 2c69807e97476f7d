package dev.rekindle.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.ExtensionPoint;

/**
 * Who to contact, through which channels and with what offer: one care or win-back idea
 * (post-purchase thanks, dormancy reminder, birthday care…).
 *
 * <p>The host streams customers: it applies {@link #candidates} in the database, then calls
 * {@link #decide} once per remaining customer, in customer order, from one thread. A strategy keeps no
 * state between calls and decides the same way for the same customer and as-of date, so that planning is
 * repeatable. Consent, opt-outs, holdout and caps are the host's guard, not the strategy's business.
 *
 * <p>Settings come from {@code rekindle.plugins.<plugin-id>.*} through {@link #configure} once.
 * Messages are rendered from {@code templates/<template()>/<channel>.ftl}.
 */
public interface Strategy extends ExtensionPoint {

    /** Stable id used in commands, settings and the template folder, e.g. {@code winback-silent}. */
    String id();

    /** One line for {@code strategies list}. */
    String title();

    /** Care (greetings, service) or marketing (offers): they obey different consent rules. */
    Purpose purpose();

    /** The template folder under {@code templates/}; the strategy id unless it shares another's. */
    default String template() {
        return id();
    }

    /** Who this strategy contacts with its current settings, in a sentence, for {@code strategies show}. */
    String targets();

    /** The channels this strategy prefers, best first (before a campaign's {@code --channel}). */
    List<String> channels();

    /**
     * The settings this strategy reads (see {@link Setting}), shown in {@code strategies show}; a missing
     * required one keeps the strategy from planning. Default: none declared.
     */
    default List<Setting> declaredSettings() {
        return List.of();
    }

    /** Receives the plugin's settings; a strategy reads the keys under its own id. */
    default void configure(Map<String, String> settings) {
    }

    /** The settings in effect (defaults filled in), for {@code strategies show}. */
    default Map<String, String> settings() {
        return Map.of();
    }

    /** What the plan is about as a whole (e.g. the holiday), or empty. */
    default Optional<Occasion> occasion(PlanContext context) {
        return Optional.empty();
    }

    /**
     * The data this strategy cannot work without (see {@link DataNeed}); the host says what is missing and how
     * to bring it when a plan finds nobody. Empty by default.
     */
    default java.util.Set<DataNeed> needs() {
        return java.util.Set.of();
    }

    /** The database pre-selection; see {@link CandidateFilter}. */
    default CandidateFilter candidates(PlanContext context) {
        return CandidateFilter.everyone();
    }

    /** Whether to contact this customer now, and how; empty means not this time. */
    Optional<Decision> decide(CustomerView customer, PlanContext context);

    /**
     * What a message to this customer is about: the host sends a customer at most one message per occasion,
     * whatever campaign, channel or re-plan carries it, and tells the operator how many were already
     * contacted for it. The host prefixes the strategy id. The default is the customer's current episode,
     * their stage and the day of their last order: a win-back reaches a customer once per silence, however
     * often it is planned. Override it for occasions of another kind (a birthday: the year).
     */
    default String occasionKey(CustomerView customer, Decision decision, PlanContext context) {
        return customer.stage().code() + "@" + (customer.lastOrder() == null ? "never" : customer.lastOrder().toString());
    }

    /**
     * The decision as if this customer were targeted today, for template previews and validation
     * against any customer (offer by segment, facts filled with plausible values).
     */
    default Decision sample(CustomerView customer, PlanContext context) {
        return decide(customer, context).orElseGet(() -> Decision.contact(channels()));
    }
}
