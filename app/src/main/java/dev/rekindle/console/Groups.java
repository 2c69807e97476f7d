package dev.rekindle.console;

/** The command groups shown by {@code help}, one per area of the operator's work. */
public final class Groups {
    public static final String START = "Getting started";
    public static final String CUSTOMERS = "Customers";
    public static final String IMPORT = "Import";
    public static final String ANALYSIS = "Analysis";
    public static final String TEMPLATES = "Strategies and templates";
    public static final String CAMPAIGNS = "Campaigns";
    public static final String CHANNELS = "Channels";
    public static final String PLUGINS = "Plugins";
    public static final String REPORTS = "Reports";
    public static final String SHELL = "Shell";

    private Groups() {
    }
}
