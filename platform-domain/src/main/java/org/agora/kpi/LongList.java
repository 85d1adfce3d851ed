package org.agora.kpi;

import java.util.Arrays;

/**
 * A growable list of longs, in chunks of 8,192 (64 kB): a city's acts (hundreds of thousands) are never copied to a
 * larger array, nor held in one array large enough to count as humongous in a small G1 heap.
 */
final class LongList {

    private static final int SHIFT = 13;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private long[][] chunks = new long[16][];
    private int size;

    void add(long value) {
        int chunk = size >>> SHIFT;
        if (chunk == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        if (chunks[chunk] == null) {
            chunks[chunk] = new long[CHUNK];
        }
        chunks[chunk][size & MASK] = value;
        size++;
    }

    long get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return chunks[index >>> SHIFT][index & MASK];
    }

    int size() {
        return size;
    }
}
