package org.agora.kpi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;

/**
 * A set of people as the KPIs keep it: their numbers (each once, in order), each with the district its act recorded
 * (or none), packed in a few bytes a person (deltas of the numbers as variable-length integers, deflated). Also the
 * packing of the register's entries ({@link #packRegister}).
 */
final class PackedPeople {

    private final int[] numbers;
    private final String[] districts;

    private PackedPeople(int[] numbers, String[] districts) {
        this.numbers = numbers;
        this.districts = districts;
    }

    static final PackedPeople NONE = new PackedPeople(new int[0], new String[0]);

    int size() {
        return numbers.length;
    }

    int number(int i) {
        return numbers[i];
    }

    String district(int i) {
        return districts[i];
    }

    /**
     * Builds a set: add people in any order, several times if need be; a person keeps one of the districts their acts
     * recorded (the first in the order of the codes, whatever the order of the acts). Primitive arrays: a call's
     * 300,000 voters in a few megabytes.
     */
    static final class Builder {
        private final Map<String, Integer> codes = new HashMap<>();
        private final List<String> names = new ArrayList<>();
        private long[] keys = new long[256];
        private int size;

        Builder add(int number, String district) {
            int code = 0;
            if (district != null) {
                code = codes.computeIfAbsent(district, d -> {
                    names.add(d);
                    return names.size();
                });
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
            }
            keys[size++] = ((long) number << 16) | code;
            return this;
        }

        boolean isEmpty() {
            return size == 0;
        }

        PackedPeople build() {
            long[] sorted = Arrays.copyOf(keys, size);
            Arrays.sort(sorted);
            int[] numbers = new int[size];
            String[] districts = new String[size];
            int n = 0;
            for (int i = 0; i < sorted.length; ) {
                int number = (int) (sorted[i] >>> 16);
                int code = 0;
                int j = i;
                while (j < sorted.length && (int) (sorted[j] >>> 16) == number) {
                    if (code == 0) {
                        code = (int) (sorted[j] & 0xFFFF);
                    }
                    j++;
                }
                numbers[n] = number;
                districts[n] = code == 0 ? null : names.get(code - 1);
                n++;
                i = j;
            }
            return new PackedPeople(Arrays.copyOf(numbers, n), Arrays.copyOf(districts, n));
        }
    }

    byte[] pack() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + numbers.length * 2);
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_SPEED)))) {
            List<String> codes = new ArrayList<>();
            Map<String, Integer> index = new HashMap<>();
            for (String d : districts) {
                if (d != null && !index.containsKey(d)) {
                    index.put(d, codes.size() + 1);
                    codes.add(d);
                }
            }
            out.writeInt(codes.size());
            for (String code : codes) {
                out.writeUTF(code);
            }
            out.writeInt(numbers.length);
            int previous = 0;
            for (int i = 0; i < numbers.length; i++) {
                writeVarInt(out, numbers[i] - previous);
                previous = numbers[i];
                out.writeByte(districts[i] == null ? 0 : index.get(districts[i]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static PackedPeople unpack(byte[] packed) {
        try (Bytes in = new Bytes(packed)) {
            String[] codes = in.codes();
            int n = in.readInt();
            int[] numbers = new int[n];
            String[] districts = new String[n];
            int previous = 0;
            for (int i = 0; i < n; i++) {
                previous += in.readVarInt();
                numbers[i] = previous;
                districts[i] = codes[in.next()];
            }
            return new PackedPeople(numbers, districts);
        } catch (RuntimeException e) {
            throw new UncheckedIOException("a kept set of people cannot be read", new IOException(e));
        }
    }

    /** What {@link #forEach} hands each person of a packed set. */
    @FunctionalInterface
    interface Visitor {
        void person(int number, String district);
    }

    /** Each person of a packed set, in order, decoded as it inflates (no array of the set). */
    static void forEach(byte[] packed, Visitor visitor) {
        try (Reader reader = new Reader()) {
            reader.forEach(packed, visitor);
        }
    }

    /**
     * Decodes packed sets one after the other with one inflater and one buffer (a request decodes hundreds of days'
     * sets: no buffer and native inflater for each). Closed at the end.
     */
    static final class Reader implements AutoCloseable {
        private final Bytes in = new Bytes();

        /** Each person of a packed set, in order, decoded as it inflates (no array of the set). */
        void forEach(byte[] packed, Visitor visitor) {
            try {
                in.reset(packed);
                String[] codes = in.codes();
                int n = in.readInt();
                int previous = 0;
                for (int i = 0; i < n; i++) {
                    previous += in.readVarInt();
                    visitor.person(previous, codes[in.next()]);
                }
            } catch (RuntimeException e) {
                throw new UncheckedIOException("a kept set of people cannot be read", new IOException(e));
            }
        }

        @Override
        public void close() {
            in.close();
        }
    }

    /**
     * A packed value's bytes as they inflate, through a buffer of 16 kB: no array of the whole value (a register of
     * 300,000 entries inflates to some 4 MB, which a small heap would take as a humongous object on each request).
     */
    private static final class Bytes implements AutoCloseable {
        private final Inflater inflater = new Inflater();
        private final byte[] buffer = new byte[16384];
        private int at;
        private int end;

        Bytes() {
        }

        Bytes(byte[] packed) {
            reset(packed);
        }

        /** Reads {@code packed} from its start. */
        void reset(byte[] packed) {
            inflater.reset();
            inflater.setInput(packed);
            at = 0;
            end = 0;
        }

        int next() {
            if (at == end) {
                fill();
            }
            return buffer[at++] & 0xFF;
        }

        private void fill() {
            try {
                int n = 0;
                while (n == 0 && !inflater.finished() && !inflater.needsInput()) {
                    n = inflater.inflate(buffer);
                }
                if (n == 0) {
                    throw new IllegalStateException("a packed value ends too early");
                }
                at = 0;
                end = n;
            } catch (java.util.zip.DataFormatException e) {
                throw new IllegalStateException("a packed value is not deflated data", e);
            }
        }

        int readInt() {
            return (next() << 24) | (next() << 16) | (next() << 8) | next();
        }

        int readShort() {
            return (short) ((next() << 8) | next());
        }

        long readLong() {
            return ((long) readInt() << 32) | (readInt() & 0xFFFFFFFFL);
        }

        int readVarInt() {
            int value = 0;
            int shift = 0;
            int b;
            do {
                b = next();
                value |= (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            return value;
        }

        /** The district codes written first ({@code DataOutputStream.writeUTF}), at their index from 1 (0: none). */
        String[] codes() {
            String[] codes = new String[readInt() + 1];
            for (int i = 1; i < codes.length; i++) {
                int length = (next() << 8) | next();
                byte[] utf = new byte[length + 2];
                utf[0] = (byte) (length >>> 8);
                utf[1] = (byte) length;
                for (int j = 0; j < length; j++) {
                    utf[j + 2] = (byte) next();
                }
                try {
                    codes[i] = new DataInputStream(new ByteArrayInputStream(utf)).readUTF().intern();
                } catch (IOException e) {
                    throw new IllegalStateException("a district code cannot be read", e);
                }
            }
            return codes;
        }

        @Override
        public void close() {
            inflater.end();
        }
    }

    /** The register's entries of people numbered 0 to {@code people.size() - 1}, packed. */
    static byte[] packRegister(KpiPeople people) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + people.size() * 4);
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_SPEED)))) {
            List<String> codes = new ArrayList<>();
            Map<String, Integer> index = new HashMap<>();
            for (int p = 0; p < people.size(); p++) {
                String d = people.district(p);
                if (d != null && !index.containsKey(d)) {
                    index.put(d, codes.size() + 1);
                    codes.add(d);
                }
            }
            out.writeInt(codes.size());
            for (String code : codes) {
                out.writeUTF(code);
            }
            out.writeInt(people.size());
            for (int p = 0; p < people.size(); p++) {
                boolean onRegister = people.enlistedAt(p) != KpiPeople.NOT_ON_REGISTER;
                out.writeByte((onRegister ? 1 : 0) | (people.isAccount(p) ? 2 : 0));
                if (onRegister) {
                    String d = people.district(p);
                    out.writeByte(d == null ? 0 : index.get(d));
                    out.writeShort(people.birthYearOrZero(p));
                    out.writeLong(people.enlistedAt(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The register's entries packed by {@link #packRegister}, as people numbered from 0. */
    static KpiPeople unpackRegister(byte[] packed) {
        try (Bytes in = new Bytes(packed)) {
            String[] codes = in.codes();
            int n = in.readInt();
            KpiPeople people = new KpiPeople(n);
            int[] districts = new int[codes.length];
            for (int i = 1; i < codes.length; i++) {
                districts[i] = people.districtIndex(codes[i]);
            }
            for (int p = 0; p < n; p++) {
                int flags = in.next();
                if ((flags & 1) != 0) {
                    int district = districts[in.next()];
                    int birthYear = in.readShort();
                    people.onRegister(p, (flags & 2) != 0, district, birthYear, in.readLong());
                } else {
                    people.notOnRegister(p);
                }
            }
            return people;
        } catch (RuntimeException e) {
            throw new UncheckedIOException("the kept register cannot be read", new IOException(e));
        }
    }

    private static void writeVarInt(DataOutputStream out, int value) throws IOException {
        while ((value & ~0x7F) != 0) {
            out.writeByte((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.writeByte(value);
    }

    @Override
    public String toString() {
        return "PackedPeople" + Arrays.toString(numbers);
    }
}
