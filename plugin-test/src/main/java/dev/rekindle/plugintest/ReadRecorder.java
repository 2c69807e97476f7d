package dev.rekindle.plugintest;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The settings map handed to an extension's configure(), noting every key it looks up by name (iterating it is not noted). */
final class ReadRecorder extends AbstractMap<String, String> {
    private final Map<String, String> values;
    private final Set<String> lookedUp = ConcurrentHashMap.newKeySet();

    ReadRecorder(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    Set<String> lookedUp() {
        return lookedUp;
    }

    @Override
    public String get(Object key) {
        if (key != null) lookedUp.add(key.toString());
        return values.get(key);
    }

    @Override
    public String getOrDefault(Object key, String defaultValue) {
        if (key != null) lookedUp.add(key.toString());
        return values.getOrDefault(key, defaultValue);
    }

    @Override
    public boolean containsKey(Object key) {
        if (key != null) lookedUp.add(key.toString());
        return values.containsKey(key);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return values.entrySet();
    }
}
