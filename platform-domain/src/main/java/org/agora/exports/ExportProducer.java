package org.agora.exports;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The port through which a worker gets an export's file written (the spreadsheet and CSV writers live in the reports
 * module): the file of the job's kind, with its filters and language, read as its owner.
 */
public interface ExportProducer {

    /** Writes the job's file to {@code out} (left open), telling how far it is; returns the rows written. */
    long write(ExportJob job, OutputStream out, Progress progress) throws IOException;

    /** What a producer tells while it writes; either may stop it with {@link Cancelled}. */
    interface Progress {

        /** How many rows the file will hold (or an upper bound), once known. */
        void expected(long rows);

        /** How many rows are written so far. */
        void written(long rows);
    }

    /** The worker no longer holds the job (it was queued again meanwhile): the file is abandoned. */
    final class Cancelled extends RuntimeException {

        public Cancelled(long id) {
            super("export " + id + " is no longer held by this worker");
        }
    }
}
