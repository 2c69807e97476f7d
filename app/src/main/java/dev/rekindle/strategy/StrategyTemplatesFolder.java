package dev.rekindle.strategy;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where strategies show looks for a strategy's templates. The key (rekindle.templates.dir)
 * belongs to rendering and is described there; it is bound here too because planning must not depend on
 * the template package.
 *
 * @param dir the templates folder
 */
@ConfigurationProperties("rekindle.templates")
public record StrategyTemplatesFolder(Path dir) {
}
