package org.agora.kpi;

import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The people the figures know, each under a number: those on the register (their district, declared birth year,
 * when they were enlisted, whether through an account), then the others as their acts name them (the district
 * their first act recorded, if any). Compact: a city's register in a few tens of megabytes.
 *
 * <p>Numbers are either given by the caller ({@link #onRegister}, {@link #notOnRegister}: the kept numbers of
 * {@code kpi_people}) or handed out here for a name ({@link #number}).
 */
final class KpiPeople {

    /** What {@link #enlistedAt} says of someone not on the register. */
    static final long NOT_ON_REGISTER = Long.MIN_VALUE;

    private final Map<String, Integer> numbers = new HashMap<>();
    private final Map<String, String> districtCodes = new HashMap<>();
    private final BitSet accounts = new BitSet();
    private String[] districts = new String[1024];
    private int[] birthYears = new int[1024];
    private long[] enlisted = new long[1024];
    private int size;

    int size() {
        return size;
    }

    /** Someone enlisted on the register, under a number handed out here for their name. */
    void enlisted(String person, boolean account, String district, Integer birthYear, Instant at) {
        onRegister(number(person), account, district, birthYear, at.toEpochMilli());
    }

    /** The register entry of the person under {@code number}. */
    void onRegister(int number, boolean account, String district, Integer birthYear, long enlistedMillis) {
        grow(number);
        accounts.set(number, account);
        districts[number] = district(district);
        birthYears[number] = birthYear == null ? 0 : birthYear;
        enlisted[number] = enlistedMillis;
    }

    /** The person under {@code number} is not on the register (their district: what their acts record). */
    void notOnRegister(int number) {
        grow(number);
        accounts.clear(number);
        districts[number] = null;
        birthYears[number] = 0;
        enlisted[number] = NOT_ON_REGISTER;
    }

    /** The number of the person an act names; someone not on the register takes its district if it has one. */
    int act(String person, String district) {
        Integer known = numbers.get(person);
        if (known != null) {
            return act(known, district);
        }
        int number = number(person);
        notOnRegister(number);
        districts[number] = district(district);
        return number;
    }

    /** The act of the person under {@code number}: if not on the register, they take its district if they have none. */
    int act(int number, String district) {
        if (number >= size) {
            notOnRegister(number);
        }
        if (!accounts.get(number) && districts[number] == null && district != null && enlisted[number] == NOT_ON_REGISTER) {
            districts[number] = district(district);
        }
        return number;
    }

    /** The number of a name, handed out here the first time (after every number already given). */
    int number(String person) {
        Integer known = numbers.get(person);
        if (known != null) {
            return known;
        }
        int number = size;
        grow(number);
        enlisted[number] = NOT_ON_REGISTER;
        numbers.put(person, number);
        return number;
    }

    private String district(String code) {
        return code == null ? null : districtCodes.computeIfAbsent(code, d -> d);
    }

    private void grow(int number) {
        if (number >= districts.length) {
            int larger = Math.max(districts.length * 2, number + 1);
            districts = Arrays.copyOf(districts, larger);
            birthYears = Arrays.copyOf(birthYears, larger);
            int from = enlisted.length;
            enlisted = Arrays.copyOf(enlisted, larger);
            Arrays.fill(enlisted, from, larger, NOT_ON_REGISTER);
        }
        if (number >= size) {
            Arrays.fill(enlisted, size, number + 1, NOT_ON_REGISTER);
            size = number + 1;
        }
    }

    boolean isAccount(int person) {
        return accounts.get(person);
    }

    String district(int person) {
        return districts[person];
    }

    Optional<Integer> birthYear(int person) {
        return birthYears[person] == 0 ? Optional.empty() : Optional.of(birthYears[person]);
    }

    int birthYearOrZero(int person) {
        return birthYears[person];
    }

    long enlistedAt(int person) {
        return enlisted[person];
    }
}
