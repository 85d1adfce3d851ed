package org.agora.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The packed sets and register read back as they were written (decoded by hand since the KPIs' speed-up). */
class PackedPeopleTest {

    @Test
    void aSetReadsBackWithEachPersonOnceAndTheFirstDistrictInTheOrderOfTheCodes() {
        PackedPeople.Builder builder = new PackedPeople.Builder();
        builder.add(7, "sud").add(3, null).add(7, "nord").add(200_000, "est").add(3, null).add(128, null);
        PackedPeople set = PackedPeople.unpack(builder.build().pack());
        assertThat(set.size()).isEqualTo(4);
        assertThat(new int[] {set.number(0), set.number(1), set.number(2), set.number(3)})
                .containsExactly(3, 7, 128, 200_000);
        assertThat(new String[] {set.district(0), set.district(1), set.district(2), set.district(3)})
                .containsExactly(null, "sud", null, "est"); // sud was coded before nord: it is kept
    }

    @Test
    void aLargeSetReadsBack() {
        Random random = new Random(15);
        PackedPeople.Builder builder = new PackedPeople.Builder();
        int[] numbers = random.ints(50_000, 0, 1_000_000).distinct().sorted().toArray();
        for (int n : numbers) {
            builder.add(n, n % 3 == 0 ? null : "d" + (n % 7));
        }
        PackedPeople set = PackedPeople.unpack(builder.build().pack());
        assertThat(set.size()).isEqualTo(numbers.length);
        for (int i = 0; i < numbers.length; i++) {
            assertThat(set.number(i)).isEqualTo(numbers[i]);
            assertThat(set.district(i)).isEqualTo(numbers[i] % 3 == 0 ? null : "d" + (numbers[i] % 7));
        }
        assertThat(PackedPeople.unpack(PackedPeople.NONE.pack()).size()).isZero();
    }

    @Test
    void oneReaderDecodesSetAfterSetAsEachWasWritten() {
        byte[] first = new PackedPeople.Builder().add(5, "nord").add(70_000, null).build().pack();
        PackedPeople.Builder larger = new PackedPeople.Builder();
        for (int n = 0; n < 40_000; n++) {
            larger.add(n * 3, n % 2 == 0 ? "sud" : null);
        }
        byte[] second = larger.build().pack();
        java.util.List<String> read = new java.util.ArrayList<>();
        try (PackedPeople.Reader reader = new PackedPeople.Reader()) {
            reader.forEach(first, (number, district) -> read.add(number + ":" + district));
            reader.forEach(second, (number, district) -> read.add(number + ":" + district));
            reader.forEach(first, (number, district) -> read.add(number + ":" + district));
        }
        assertThat(read).hasSize(40_004);
        assertThat(read.subList(0, 4)).containsExactly("5:nord", "70000:null", "0:sud", "3:null");
        assertThat(read.get(40_001)).isEqualTo("119997:null");
        assertThat(read.subList(40_002, 40_004)).containsExactly("5:nord", "70000:null");
    }

    @Test
    void theRegisterReadsBackEntryByEntry() {
        KpiPeople people = new KpiPeople();
        people.enlisted("alice", true, "nord", 1990, Instant.parse("2027-03-01T08:00:00Z"));
        people.enlisted("register:12", false, null, null, Instant.parse("1999-12-31T23:59:59.999Z"));
        people.act("hugo", "sud"); // not on the register
        people.enlisted("emma", true, "sud", 2010, Instant.parse("2027-03-09T08:00:00Z"));
        KpiPeople read = PackedPeople.unpackRegister(PackedPeople.packRegister(people));
        assertThat(read.size()).isEqualTo(4);
        for (int p = 0; p < 4; p++) {
            boolean onRegister = people.enlistedAt(p) != KpiPeople.NOT_ON_REGISTER;
            assertThat(read.isAccount(p)).isEqualTo(people.isAccount(p));
            assertThat(read.enlistedAt(p)).isEqualTo(people.enlistedAt(p));
            assertThat(read.district(p)).isEqualTo(onRegister ? people.district(p) : null);
            assertThat(read.birthYear(p)).isEqualTo(people.birthYear(p));
        }
        assertThat(read.district(0)).isEqualTo("nord");
        assertThat(read.districtIndex(1)).isEqualTo(KpiPeople.NO_DISTRICT);
        assertThat(read.knownDistrictIndex("sud")).isEqualTo(read.districtIndex(3));
        assertThat(read.knownDistrictIndex("ouest")).isEqualTo(-1);
    }
}
