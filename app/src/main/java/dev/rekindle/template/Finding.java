package dev.rekindle.template;

/** One result of checking a rendered message against its channel's rules. */
public record Finding(Level level, String message) {

    public enum Level { ERROR, WARNING }

    public static Finding error(String message) {
        return new Finding(Level.ERROR, message);
    }

    public static Finding warning(String message) {
        return new Finding(Level.WARNING, message);
    }

    public boolean isError() {
        return level == Level.ERROR;
    }
}
