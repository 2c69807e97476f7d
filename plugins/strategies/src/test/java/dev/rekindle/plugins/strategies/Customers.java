package dev.rekindle.plugins.strategies;

import dev.rekindle.api.ContactKind;
import dev.rekindle.api.CustomerView;
import dev.rekindle.api.RfmSegment;
import dev.rekindle.api.Stage;
import java.time.LocalDate;

/** Hand-built customers for strategy tests: a buyer with a mobile in a given stage and segment. */
final class Customers {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);

    private Customers() {
    }

    static CustomerView.Builder buyer(long id, Stage stage, RfmSegment segment, int recencyDays) {
        return CustomerView.builder(id, "tb" + id).name("王小明").gender("M").contacts(ContactKind.MOBILE)
                .stage(stage).segment(segment).recencyDays(recencyDays).frequency(2).monetary(300).scores(3, 3, 3)
                .mainCategory("美妆护肤").firstOrder(AS_OF.minusDays(recencyDays + 100)).lastOrder(AS_OF.minusDays(recencyDays));
    }
}
