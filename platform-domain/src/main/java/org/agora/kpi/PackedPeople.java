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
import java.util.zip.InflaterInputStream;

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
        try {
            Bytes in = new Bytes(inflate(packed));
            String[] codes = in.codes(true);
            int n = in.readInt();
            int[] numbers = new int[n];
            String[] districts = new String[n];
            byte[] raw = in.raw;
            int at = in.at;
            int previous = 0;
            for (int i = 0; i < n; i++) {
                int value = 0;
                int shift = 0;
                int b;
                do {
                    b = raw[at++];
                    value |= (b & 0x7F) << shift;
                    shift += 7;
                } while ((b & 0x80) != 0);
                previous += value;
                numbers[i] = previous;
                districts[i] = codes[raw[at++] & 0xFF];
            }
            return new PackedPeople(numbers, districts);
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("a kept set of people cannot be read", e instanceof IOException io ? io
                    : new IOException(e));
        }
    }

    /** The whole inflated content of a packed value (a few megabytes at most: read at once, then decoded by hand). */
    private static byte[] inflate(byte[] packed) throws IOException {
        Inflater inflater = new Inflater();
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(packed), inflater, 65536)) {
            return in.readAllBytes();
        } finally {
            inflater.end();
        }
    }

    /** A packed value's bytes, read from the start: the district codes with DataInputStream, then by hand. */
    private static final class Bytes {
        final byte[] raw;
        int at;

        Bytes(byte[] raw) {
            this.raw = raw;
        }

        /** The district codes written first, at their index from 1 (0: none). */
        String[] codes(boolean intern) throws IOException {
            ByteArrayInputStream bytes = new ByteArrayInputStream(raw);
            DataInputStream in = new DataInputStream(bytes);
            String[] codes = new String[in.readInt() + 1];
            for (int i = 1; i < codes.length; i++) {
                codes[i] = intern ? in.readUTF().intern() : in.readUTF();
            }
            at = raw.length - bytes.available();
            return codes;
        }

        int readInt() {
            int value = ((raw[at] & 0xFF) << 24) | ((raw[at + 1] & 0xFF) << 16) | ((raw[at + 2] & 0xFF) << 8)
                    | (raw[at + 3] & 0xFF);
            at += 4;
            return value;
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
        try {
            Bytes in = new Bytes(inflate(packed));
            String[] codes = in.codes(false);
            int n = in.readInt();
            KpiPeople people = new KpiPeople(n);
            int[] districts = new int[codes.length];
            for (int i = 1; i < codes.length; i++) {
                districts[i] = people.districtIndex(codes[i]);
            }
            byte[] raw = in.raw;
            int at = in.at;
            for (int p = 0; p < n; p++) {
                int flags = raw[at++] & 0xFF;
                if ((flags & 1) != 0) {
                    int district = districts[raw[at++] & 0xFF];
                    int birthYear = (short) (((raw[at] & 0xFF) << 8) | (raw[at + 1] & 0xFF));
                    at += 2;
                    long enlisted = 0;
                    for (int i = 0; i < 8; i++) {
                        enlisted = (enlisted << 8) | (raw[at++] & 0xFF);
                    }
                    people.onRegister(p, (flags & 2) != 0, district, birthYear, enlisted);
                } else {
                    people.notOnRegister(p);
                }
            }
            return people;
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("the kept register cannot be read", e instanceof IOException io ? io
                    : new IOException(e));
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
