package org.agora.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.agora.exports.RawData.Channel;
import org.junit.jupiter.api.Test;

/**
 * The ballots' raw table merges small channels: the few people who voted at a desk or on paper are named by the
 * register, so their choices must never show on their own, nor be found by subtracting the other channels from the
 * public totals.
 */
class ChannelGroupsTest {

    private static Map<Channel, Long> ballots(long online, long desk, long paper) {
        Map<Channel, Long> ballots = new EnumMap<>(Channel.class);
        ballots.put(Channel.ONLINE, online);
        ballots.put(Channel.DESK, desk);
        ballots.put(Channel.PAPER, paper);
        return ballots;
    }

    @Test
    void channelsWithEnoughBallotsStandAlone() {
        assertThat(RawData.channelGroups(ballots(500, 40, 5), 5)).containsExactlyInAnyOrderEntriesOf(Map.of(
                Channel.ONLINE, "ONLINE", Channel.DESK, "DESK", Channel.PAPER, "PAPER"));
    }

    @Test
    void aSmallChannelIsMergedWithTheNextSmallest() {
        assertThat(RawData.channelGroups(ballots(500, 40, 2), 5)).containsExactlyInAnyOrderEntriesOf(Map.of(
                Channel.ONLINE, "ONLINE", Channel.DESK, "DESK+PAPER", Channel.PAPER, "DESK+PAPER"));
    }

    @Test
    void twoSmallChannelsTooSmallTogetherJoinTheThird() {
        // desk 1 + paper 2 = 3, still under 5: online's 500 take them in, one group left, the public result
        assertThat(RawData.channelGroups(ballots(500, 1, 2), 5).values()).containsOnly("ONLINE+DESK+PAPER");
    }

    @Test
    void aSmallChannelAloneBesideAnEmptyOneIsMergedWithTheLargeOne() {
        assertThat(RawData.channelGroups(ballots(80, 0, 3), 5)).containsExactlyInAnyOrderEntriesOf(Map.of(
                Channel.ONLINE, "ONLINE+PAPER", Channel.PAPER, "ONLINE+PAPER"));
    }

    @Test
    void everyGroupHoldsAtLeastTheThresholdUnlessOnlyOneIsLeft() {
        for (long online = 0; online < 12; online++) {
            for (long desk = 0; desk < 12; desk++) {
                for (long paper = 0; paper < 12; paper++) {
                    Map<Channel, Long> counts = ballots(online, desk, paper);
                    Map<Channel, String> groups = RawData.channelGroups(counts, 5);
                    Map<String, Long> sizes = new java.util.HashMap<>();
                    groups.forEach((channel, group) -> sizes.merge(group, counts.get(channel), Long::sum));
                    if (sizes.size() > 1) {
                        assertThat(sizes.values()).as(counts.toString()).allMatch(size -> size >= 5);
                    }
                    assertThat(groups.keySet()).as(counts.toString()).allMatch(channel -> counts.get(channel) > 0);
                }
            }
        }
    }

    @Test
    void theKindsAreParsedFromAddressesAndBodies() {
        assertThat(ExportKind.parse("raw-csv")).contains(ExportKind.RAW_CSV);
        assertThat(ExportKind.parse(" raw_workbook ")).contains(ExportKind.RAW_WORKBOOK);
        assertThat(ExportKind.parse("KPI_WORKBOOK")).contains(ExportKind.KPI_WORKBOOK);
        assertThat(ExportKind.parse("voters")).isEmpty();
        assertThat(ExportKind.parse(null)).isEmpty();
        assertThat(ExportKind.RAW_CSV.downloadName("city-2027-03-01_2027-03-31"))
                .isEqualTo("agora-raw-csv-city-2027-03-01_2027-03-31.zip");
    }
}
