/**
 * PF4J plugins: the one {@code PluginManager} of the app, the settings each plugin receives
 * ({@code rekindle.plugins.<plugin-id>.*}), and {@code plugins list}. A plugin that fails to load or
 * start is reported with its error; the shell keeps working without it.
 */
package dev.rekindle.plugin;
