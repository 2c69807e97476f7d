package dev.rekindle.imports;

/**
 * A long → long map in one array of key/value pairs (open addressing, linear probing): a lookup costs
 * one cache miss, and a million entries take 32 MB instead of ~100 MB for HashMap&lt;Long, Long&gt;. Key 0
 * is not allowed; {@code missing} is returned for absent keys.
 */
final class LongLongMap {

    private long[] table;
    private int size;
    private final long missing;

    LongLongMap(long missing) {
        this(missing, 512);
    }

    /** Sized for {@code expected} entries without growing (growing rehashes everything). */
    LongLongMap(long missing, int expected) {
        this.missing = missing;
        int slots = Integer.highestOneBit(Math.max(512, (int) Math.min(1 << 29, expected * 3L / 2)) * 2 - 1);
        this.table = new long[2 * slots];
    }

    /** MurmurHash3's finaliser: ids that differ in a few bits (1, 2, 3 … or 7·32+5) spread over the table. */
    static int mix(long key) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return (int) h;
    }

    long get(long key) {
        int mask = table.length / 2 - 1;
        int i = mix(key) & mask;
        long k;
        while ((k = table[2 * i]) != 0) {
            if (k == key) return table[2 * i + 1];
            i = (i + 1) & mask;
        }
        return missing;
    }

    void put(long key, long value) {
        if (key == 0) {
            throw new IllegalArgumentException("key 0");
        }
        if ((size + 1) * 3L > table.length) { // load factor 2/3 of the slots (table holds pairs)
            grow();
        }
        int mask = table.length / 2 - 1;
        int i = mix(key) & mask;
        long k;
        while ((k = table[2 * i]) != 0) {
            if (k == key) {
                table[2 * i + 1] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        table[2 * i] = key;
        table[2 * i + 1] = value;
        size++;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        size = 0;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0) put(old[i], old[i + 1]);
        }
    }
}
