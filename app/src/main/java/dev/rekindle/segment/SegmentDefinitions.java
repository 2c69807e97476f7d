package dev.rekindle.segment;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The operator's own segments: a name and a filter expression each. */
@Repository
public class SegmentDefinitions {

    public record Definition(String name, String expression, String createdAt, String updatedAt) {
    }

    private final JdbcClient jdbc;

    public SegmentDefinitions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Definition> all() {
        return jdbc.sql("SELECT name, expression, created_at, updated_at FROM segment_definitions ORDER BY name")
                .query(Definition.class).list();
    }

    public Optional<Definition> find(String name) {
        return jdbc.sql("SELECT name, expression, created_at, updated_at FROM segment_definitions WHERE name = ?")
                .param(name).query(Definition.class).optional();
    }

    /** @return the expression it replaced, if the name was taken */
    public Optional<String> save(String name, String expression, String now) {
        Optional<Definition> old = find(name);
        if (old.isPresent()) {
            jdbc.sql("UPDATE segment_definitions SET expression = ?, updated_at = ? WHERE name = ?")
                    .params(expression, now, name).update();
        } else {
            jdbc.sql("INSERT INTO segment_definitions(name, expression, created_at, updated_at) VALUES (?, ?, ?, ?)")
                    .params(name, expression, now, now).update();
        }
        return old.map(Definition::expression);
    }

    public boolean delete(String name) {
        return jdbc.sql("DELETE FROM segment_definitions WHERE name = ?").param(name).update() > 0;
    }
}
