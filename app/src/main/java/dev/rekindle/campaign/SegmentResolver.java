package dev.rekindle.campaign;

import dev.rekindle.strategy.Snapshot;
import dev.rekindle.strategy.SqlCondition;
import java.util.List;
import java.util.Optional;

/**
 * Turns the {@code --segment S} of {@code campaigns plan} into a restriction of the audience. Beans are
 * asked in order; the first that knows the name wins. Built in: the eight RFM segments and the
 * lifecycle stages ({@link BuiltinSegments}). User-defined segments ({@code segments define}) plug in
 * as another bean returning their compiled, parameterised condition.
 */
public interface SegmentResolver {

    Optional<SqlCondition> resolve(String name, Snapshot snapshot);

    /** Names this resolver knows, for the error message when nothing matched. */
    List<String> examples();
}
