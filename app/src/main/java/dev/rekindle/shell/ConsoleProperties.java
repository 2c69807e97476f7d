package dev.rekindle.shell;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The console (rekindle.color, rekindle.runner.enabled).
 *
 * @param color  colours on a terminal: auto, never or always (NO_COLOR in the
 *               environment also turns them off)
 * @param runner the command runner
 */
@ConfigurationProperties("rekindle")
public record ConsoleProperties(String color, Runner runner) {

    /** @param enabled false in in-process tests, which drive the command invoker themselves */
    public record Runner(boolean enabled) {
    }
}
