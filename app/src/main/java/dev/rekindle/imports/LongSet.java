package dev.rekindle.imports;

/** A set of longs in one array (open addressing), about 11–16 bytes per element instead of ~60 for HashSet<Long>. */
final class LongSet {

    private static final long EMPTY = 0;
    private long[] slots = new long[1024];
    private int size;
    private boolean hasZero;

    /** @return true when added, false when already present */
    boolean add(long key) {
        if (key == EMPTY) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if ((size + 1) * 4L > slots.length * 3L) {
            grow();
        }
        int mask = slots.length - 1;
        int i = LongLongMap.mix(key) & mask;
        while (slots[i] != EMPTY) {
            if (slots[i] == key) return false;
            i = (i + 1) & mask;
        }
        slots[i] = key;
        size++;
        return true;
    }

    boolean contains(long key) {
        if (key == EMPTY) return hasZero;
        int mask = slots.length - 1;
        int i = LongLongMap.mix(key) & mask;
        while (slots[i] != EMPTY) {
            if (slots[i] == key) return true;
            i = (i + 1) & mask;
        }
        return false;
    }

    int size() {
        return size + (hasZero ? 1 : 0);
    }

    /** Every element, in no particular order. */
    long[] toArray() {
        long[] out = new long[size()];
        int n = 0;
        if (hasZero) out[n++] = 0;
        for (long k : slots) {
            if (k != EMPTY) out[n++] = k;
        }
        return out;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        for (long k : old) {
            if (k != EMPTY) add(k);
        }
    }
}
