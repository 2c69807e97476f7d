package dev.rekindle.imports;

/** A long → long map in two arrays (open addressing); {@code missing} is returned for absent keys. Key 0 is not allowed. */
final class LongLongMap {

    private long[] keys = new long[1024];
    private long[] values = new long[1024];
    private int size;
    private final long missing;

    LongLongMap(long missing) {
        this.missing = missing;
    }

    static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    long get(long key) {
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] != 0) {
            if (keys[i] == key) return values[i];
            i = (i + 1) & mask;
        }
        return missing;
    }

    void put(long key, long value) {
        if (key == 0) {
            throw new IllegalArgumentException("key 0");
        }
        if ((size + 1) * 4L > keys.length * 3L) {
            grow();
        }
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] != 0) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        size++;
    }

    int size() {
        return size;
    }

    /** Calls {@code action} for every entry. */
    void forEach(Entry action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) action.accept(keys[i], values[i]);
        }
    }

    @FunctionalInterface
    interface Entry {
        void accept(long key, long value);
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) put(oldKeys[i], oldValues[i]);
        }
    }
}
