package org.agora.kpi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The people the figures know, each under a number: those on the register (their district, declared birth year,
 * when they were enlisted, whether through an account), then the others as their acts name them (the district
 * their first act recorded, if any). Compact: primitive arrays, a district as the index of its code (a city's
 * register of 300,000 entries in a few megabytes).
 *
 * <p>Numbers are either given by the caller ({@link #onRegister}, {@link #notOnRegister}: the kept numbers of
 * {@code kpi_people}) or handed out here for a name ({@link #number}).
 */
final class KpiPeople {

    /** What {@link #enlistedAt} says of someone not on the register. */
    static final long NOT_ON_REGISTER = Long.MIN_VALUE;

    /** What {@link #districtIndex} says of someone with no district. */
    static final int NO_DISTRICT = 0;

    private final Map<String, Integer> numbers = new HashMap<>();
    private final Map<String, Integer> districtIndexes = new HashMap<>();
    private final List<String> districtCodes = new ArrayList<>(List.of("")); // index 0: none
    private final BitSet accounts;
    private short[] districts;
    private int[] birthYears;
    private long[] enlisted;
    private int size;

    KpiPeople() {
        this(1024);
    }

    /** Room for {@code capacity} people before the arrays grow. */
    KpiPeople(int capacity) {
        int room = Math.max(16, capacity);
        accounts = new BitSet(room);
        districts = new short[room];
        birthYears = new int[room];
        enlisted = new long[room];
        Arrays.fill(enlisted, NOT_ON_REGISTER);
    }

    int size() {
        return size;
    }

    /** Someone enlisted on the register, under a number handed out here for their name. */
    void enlisted(String person, boolean account, String district, Integer birthYear, Instant at) {
        onRegister(number(person), account, district, birthYear, at.toEpochMilli());
    }

    /** The register entry of the person under {@code number}. */
    void onRegister(int number, boolean account, String district, Integer birthYear, long enlistedMillis) {
        onRegister(number, account, districtIndex(district), birthYear == null ? 0 : birthYear, enlistedMillis);
    }

    /** The same, the district given by its {@link #districtIndex(String)}, the birth year 0 when unknown. */
    void onRegister(int number, boolean account, int district, int birthYearOrZero, long enlistedMillis) {
        grow(number);
        if (account) {
            accounts.set(number);
        } else {
            accounts.clear(number);
        }
        districts[number] = (short) district;
        birthYears[number] = birthYearOrZero;
        enlisted[number] = enlistedMillis;
    }

    /** The person under {@code number} is not on the register (their district: what their acts record). */
    void notOnRegister(int number) {
        grow(number);
        accounts.clear(number);
        districts[number] = NO_DISTRICT;
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
        districts[number] = (short) districtIndex(district);
        return number;
    }

    /** The act of the person under {@code number}: if not on the register, they take its district if they have none. */
    int act(int number, String district) {
        if (number >= size) {
            notOnRegister(number);
        }
        if (district != null && districts[number] == NO_DISTRICT && enlisted[number] == NOT_ON_REGISTER
                && !accounts.get(number)) {
            districts[number] = (short) districtIndex(district);
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

    /** The index of a district's code ({@link #NO_DISTRICT} for none), given here the first time. */
    int districtIndex(String code) {
        if (code == null) {
            return NO_DISTRICT;
        }
        Integer known = districtIndexes.get(code);
        if (known != null) {
            return known;
        }
        int index = districtCodes.size();
        districtCodes.add(code);
        districtIndexes.put(code, index);
        return index;
    }

    /** The index of a district's code, or -1 when nobody known has it. */
    int knownDistrictIndex(String code) {
        Integer known = districtIndexes.get(code);
        return known == null ? -1 : known;
    }

    /** How many district indexes there are, {@link #NO_DISTRICT} included. */
    int districtIndexes() {
        return districtCodes.size();
    }

    /** The code of a district index, null for {@link #NO_DISTRICT}. */
    String districtCode(int index) {
        return index == NO_DISTRICT ? null : districtCodes.get(index);
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
            size = number + 1; // past the size, every entry is already not on the register
        }
    }

    /**
     * The accounts enlisted before {@code end}: counted per district index into {@code byDistrict}; those of the scope
     * (district index {@code scopeIndex}, or all when it is -1) enlisted from {@code start} counted per week into
     * {@code newByWeek} (weeks starting at {@code weekStarts}, see {@link KpiService#weekOf}). Returns the scope's.
     */
    long countAccounts(long start, long end, int scopeIndex, long[] weekStarts, long[] byDistrict, long[] newByWeek) {
        long inScope = 0;
        for (int person = 0; person < size; person++) {
            long at = enlisted[person];
            if (at >= end || !accounts.get(person)) {
                continue;
            }
            int district = districts[person];
            byDistrict[district]++;
            if (scopeIndex == -1 || district == scopeIndex) {
                inScope++;
                if (at >= start) {
                    newByWeek[KpiService.weekOf(weekStarts, at)]++;
                }
            }
        }
        return inScope;
    }

    /** The people of {@code set} per district index, into {@code byDistrict}. */
    void countByDistrict(BitSet set, long[] byDistrict) {
        for (int person = set.nextSetBit(0); person >= 0; person = set.nextSetBit(person + 1)) {
            byDistrict[districts[person]]++;
        }
    }

    /**
     * The people of {@code set} per age band (in {@code year}) and column ({@code columnOf} a district index's, -1
     * for none: then the column {@code unknownColumn}, or left out when it is -1), into {@code counts[band][column]}.
     */
    void countByAgeAndColumn(BitSet set, int year, int[] columnOf, int unknownColumn, long[][] counts) {
        int[] bandOfAge = new int[151]; // the bands' ordinals of ages 0 to 150, worked out once
        for (int age = 0; age < bandOfAge.length; age++) {
            bandOfAge[age] = AgeBand.of(year - age, year).ordinal();
        }
        for (int person = set.nextSetBit(0); person >= 0; person = set.nextSetBit(person + 1)) {
            int column = columnOf[districts[person]];
            if (column < 0) {
                if (unknownColumn < 0) {
                    continue;
                }
                column = unknownColumn;
            }
            int birthYear = birthYears[person];
            int age = year - birthYear;
            counts[birthYear != 0 && age >= 0 && age < bandOfAge.length ? bandOfAge[age]
                    : AgeBand.of(birthYear, year).ordinal()][column]++;
        }
    }

    boolean isAccount(int person) {
        return accounts.get(person);
    }

    String district(int person) {
        return districtCode(districts[person]);
    }

    /** The index of the person's district ({@link #NO_DISTRICT} for none). */
    int districtIndex(int person) {
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
