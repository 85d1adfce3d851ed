package org.agora.reports;

import java.io.IOException;
import java.time.Instant;
import org.agora.exports.RawData;
import org.agora.exports.RawTable;
import org.agora.kpi.KpiQuery;
import org.agora.shared.Actor;

/**
 * Where the raw-data writers take their rows: the database a page at a time ({@link #of}), or, for the benchmark's
 * comparison, rows made in memory.
 */
public interface RawSource {

    /** How many rows the table will give (an upper bound for ballots). */
    long count(RawTable table);

    /** Hands the table's rows to {@code rows}, in order; how many. */
    long read(RawTable table, RawData.Rows rows) throws IOException;

    /** The raw data of this scope and period, read as this person. */
    static RawSource of(RawData data, Actor actor, KpiQuery query, Instant now) {
        return new RawSource() {
            @Override
            public long count(RawTable table) {
                return data.count(actor, table, query, now);
            }

            @Override
            public long read(RawTable table, RawData.Rows rows) throws IOException {
                return data.read(actor, table, query, now, rows);
            }
        };
    }
}
