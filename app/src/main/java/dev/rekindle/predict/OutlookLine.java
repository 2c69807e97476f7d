package dev.rekindle.predict;

import dev.rekindle.customer.Customer;
import dev.rekindle.customer.ProfileLine;
import dev.rekindle.i18n.Tr;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The customer's stored outlook on {@code customers show}, when a prediction was made for them. */
@Component
class OutlookLine implements ProfileLine {

    private final PredictionRepository predictions;

    OutlookLine(PredictionRepository predictions) {
        this.predictions = predictions;
    }

    @Override
    public Optional<Line> about(Customer c) {
        return predictions.find(c.id()).map(p -> new Line(Tr.t("outlook"), Tr.f(
                "P(alive) %.2f  orders in 90 days %.2f  value of 365 days ¥%.2f  (as of %s; predict show %s)",
                p.pAlive(), p.expectedOrders90d(), p.clv365d(), p.asOf(), c.buyerId())));
    }
}
