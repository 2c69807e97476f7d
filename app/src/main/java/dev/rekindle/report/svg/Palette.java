package dev.rekindle.report.svg;

/** Colours for the charts: readable on white and when printed in grey. */
public final class Palette {
    public static final String INK = "#333333";
    public static final String MUTED = "#888888";
    public static final String GRID = "#e5e5e5";
    public static final String BLUE = "#3b6fb6";
    public static final String ORANGE = "#e08a2c";
    public static final String GREEN = "#3f9a5a";
    public static final String RED = "#c8453b";
    public static final String PURPLE = "#7a5aa6";
    public static final String GREY = "#9a9a9a";
    /** One colour per series, in order. */
    public static final String[] SERIES = {BLUE, ORANGE, RED, PURPLE, GREEN, GREY};

    private Palette() {
    }
}
