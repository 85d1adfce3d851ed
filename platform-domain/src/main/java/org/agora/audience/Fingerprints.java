package org.agora.audience;

/**
 * The set of 64-bit numbers of one day's (visitor, counter) pairs already counted: open addressing over a
 * {@code long[]}, 8 to 16 bytes a number, instead of a boxed set's 50 or more. Holds at most {@code limit} numbers;
 * past it, {@link #add} says so and adds nothing. Not thread-safe: its owner locks.
 */
final class Fingerprints {

    private static final long EMPTY = 0L;

    private final int limit;
    private long[] slots = new long[1024];
    private int size;

    Fingerprints(int limit) {
        this.limit = limit;
    }

    enum Added { NEW, SEEN, FULL }

    Added add(long fingerprint) {
        long value = fingerprint == EMPTY ? 1L : fingerprint;
        int mask = slots.length - 1;
        int i = (int) mix(value) & mask;
        while (slots[i] != EMPTY) {
            if (slots[i] == value) {
                return Added.SEEN;
            }
            i = (i + 1) & mask;
        }
        if (size >= limit) {
            return Added.FULL;
        }
        slots[i] = value;
        size++;
        if (size * 2 > slots.length) {
            grow();
        }
        return Added.NEW;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long value : old) {
            if (value != EMPTY) {
                int i = (int) mix(value) & mask;
                while (slots[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                slots[i] = value;
            }
        }
    }

    /** MurmurHash3's finaliser: spreads every bit of a number over all the others. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
