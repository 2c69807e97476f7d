package dev.rekindle.campaign;

import dev.rekindle.api.ContactKind;
import dev.rekindle.template.TemplateEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The template text a campaign was planned (or last approved) with, per channel ({@code campaign_templates},
 * V10): previews, dry runs and sends render this text, so what goes out is what the operator read. Editing
 * a file afterwards changes nothing until {@code campaigns approve ID}. Campaigns planned before V10 have
 * none and render today's files.
 */
@Component
public class CampaignTemplates {

    /** A channel whose file no longer matches what the campaign approved. */
    public record Change(String channel, String file, String approved, String now) {
    }

    private final JdbcClient jdbc;
    private final TemplateEngine engine;

    public CampaignTemplates(JdbcClient jdbc, TemplateEngine engine) {
        this.jdbc = jdbc;
        this.engine = engine;
    }

    /** Keeps the current text of each channel's template with the campaign (replacing what it had). */
    public void pin(long campaignId, String folder, Map<String, ContactKind> channels, String at) {
        jdbc.sql("DELETE FROM campaign_templates WHERE campaign_id = ?").param(campaignId).update();
        channels.forEach((channel, kind) -> engine.source(folder, channel, kind).ifPresent(src ->
                jdbc.sql("""
                        INSERT INTO campaign_templates(campaign_id, channel, file, file_channel, text, sha256, approved_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                        .params(campaignId, channel, src.name(), src.fileChannel(), src.text(), src.sha256(), at).update()));
    }

    /** The approved text per channel; empty for a campaign planned before templates were kept. */
    public Map<String, TemplateEngine.Source> pinned(long campaignId) {
        Map<String, TemplateEngine.Source> m = new LinkedHashMap<>();
        jdbc.sql("SELECT channel, file, file_channel, text FROM campaign_templates WHERE campaign_id = ? ORDER BY channel")
                .param(campaignId)
                .query((rs, n) -> m.put(rs.getString(1), new TemplateEngine.Source(rs.getString(2), rs.getString(3), rs.getString(4))))
                .list();
        return m;
    }

    /** Short hashes of what was approved, per channel, for the operator. */
    public Map<String, String> hashes(long campaignId) {
        Map<String, String> m = new LinkedHashMap<>();
        jdbc.sql("SELECT channel, file, sha256 FROM campaign_templates WHERE campaign_id = ? ORDER BY channel").param(campaignId)
                .query((rs, n) -> m.put(rs.getString(1), rs.getString(2) + " " + rs.getString(3).substring(0, 12))).list();
        return m;
    }

    /** Channels (of those given: the ones the campaign sends on) whose template file changed or is gone since approval. */
    public List<Change> changes(Campaign c, Map<String, ContactKind> kinds) {
        List<Change> changes = new ArrayList<>();
        pinned(c.id()).forEach((channel, src) -> {
            ContactKind kind = kinds.get(channel);
            if (kind == null) return; // a channel of the preference order that got no message
            Optional<TemplateEngine.Source> now = engine.source(c.template(), channel, kind);
            String approved = src.sha256();
            String current = now.map(TemplateEngine.Source::sha256).orElse("(missing)");
            if (!approved.equals(current) || !now.get().name().equals(src.name())) {
                changes.add(new Change(channel, src.name(), approved.substring(0, 12), current.length() > 12 ? current.substring(0, 12) : current));
            }
        });
        return changes;
    }
}
