package dev.rekindle.template;

import dev.rekindle.api.Purpose;
import java.time.LocalDate;

/** What a template knows about the campaign it renders for ({@code campaign.*}); id 0 for previews. */
public record CampaignRef(long id, String name, String strategy, Purpose purpose, LocalDate asOf) {
}
