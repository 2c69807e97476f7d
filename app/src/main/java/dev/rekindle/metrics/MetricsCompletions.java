package dev.rekindle.metrics;

import dev.rekindle.console.ValueCompleter;
import java.util.List;
import org.springframework.stereotype.Component;

/** TAB after {@code metrics --by} offers the groupings. */
@Component
class MetricsCompletions implements ValueCompleter {

    @Override
    public List<String> values(String command, String slot) {
        return command.equals("metrics") && slot.equals("by") ? List.of("month", "member_level", "city", "province", "category") : List.of();
    }
}
