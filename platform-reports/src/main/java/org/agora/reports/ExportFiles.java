package org.agora.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.agora.budget.opendata.OpenDataService;
import org.agora.budget.opendata.PabulibElection;
import org.agora.budget.opendata.PabulibFile;
import org.agora.exports.ExportJob;
import org.agora.exports.ExportProducer;
import org.agora.exports.RawData;
import org.agora.exports.RawTable;
import org.agora.kpi.KpiQuery;
import org.agora.kpi.KpiReport;
import org.agora.kpi.KpiService;
import org.agora.shared.Actor;
import org.agora.shared.DomainException;

/**
 * How a background export's file is written ({@link ExportProducer}), read as the person who asked for it: the KPI
 * workbook ({@link KpiWorkbook}), the raw-data workbook ({@link RawWorkbook}) or the raw-data CSV zip
 * ({@link RawCsv}) with the Pabulib file of every envelope of the scope whose results are public.
 */
public final class ExportFiles implements ExportProducer {

    private static final Logger LOG = Logger.getLogger(ExportFiles.class.getName());

    private final KpiService kpis;
    private final RawData raw;
    private final OpenDataService openData;
    private final BiFunction<KpiQuery, KpiTexts, String> scopeLabel;
    private final Clock clock;
    private final Supplier<OwnRawData> readers;
    private final ThreadFactory threads;

    /** The raw data on a persistence context of its own, for one table's reading ahead, closed once it is read. */
    public record OwnRawData(RawData data, Runnable close) {
    }

    /**
     * Raw tables read on the writer's thread, a page after the other (one core an export: slower, lighter beside
     * everyone else). {@code scopeLabel}: the scope in words (the district's and theme's names), the workbooks' title.
     */
    public ExportFiles(KpiService kpis, RawData raw, OpenDataService openData,
                       BiFunction<KpiQuery, KpiTexts, String> scopeLabel, Clock clock) {
        this(kpis, raw, openData, scopeLabel, clock, null, null);
    }

    /**
     * Raw tables read ahead of the writers ({@link ReadAhead}): {@code readers} and {@code threads} say by what and on
     * which threads.
     */
    public ExportFiles(KpiService kpis, RawData raw, OpenDataService openData,
                       BiFunction<KpiQuery, KpiTexts, String> scopeLabel, Clock clock, Supplier<OwnRawData> readers,
                       ThreadFactory threads) {
        this.kpis = kpis;
        this.raw = raw;
        this.openData = openData;
        this.scopeLabel = scopeLabel;
        this.clock = clock;
        this.readers = readers;
        this.threads = threads;
    }

    @Override
    public long write(ExportJob job, OutputStream out, Progress progress) throws IOException {
        Actor owner = job.asOwner();
        KpiQuery query = job.query();
        Instant now = clock.instant();
        KpiTexts texts = KpiTexts.in(job.getLanguage());
        switch (job.getKind()) {
            case KPI_WORKBOOK -> {
                progress.expected(1);
                KpiReport report = kpis.figures(owner, query, now);
                KpiWorkbook.write(report, scopeLabel.apply(query, texts), texts, out);
                return 1;
            }
            case RAW_WORKBOOK -> {
                RawSource source = rawSource(owner, query, now);
                if (job.isSomeTables()) {
                    return RawWorkbook.write(texts, raw.maskThreshold(), source, job.tables(), out, progress);
                }
                KpiReport report = kpis.figures(owner, query, now);
                return RawWorkbook.write(report, scopeLabel.apply(query, texts), texts, source, out, progress);
            }
            case RAW_CSV -> {
                return RawCsv.writeZip(rawSource(owner, query, now), job.tables(),
                        job.tables().contains(RawTable.BALLOTS) ? elections(owner, query, now) : List.of(), out, progress);
            }
            default -> throw new IllegalStateException("no writer for " + job.getKind());
        }
    }

    /**
     * The raw tables of the scope as the export's owner reads them: counted here, read a few pages ahead of the writer
     * on a reader of their own (or here, a page after the other, without read-ahead).
     */
    private RawSource rawSource(Actor owner, KpiQuery query, Instant now) {
        if (readers == null) {
            return RawSource.of(raw, owner, query, now);
        }
        return ReadAhead.of(RawSource.of(raw, owner, query, now), () -> {
            OwnRawData own = readers.get();
            RawSource source = RawSource.of(own.data(), owner, query, now);
            return new ReadAhead.Reader() {
                @Override
                public long read(RawTable table, RawData.Rows rows) throws IOException {
                    return source.read(table, rows);
                }

                @Override
                public void close() {
                    own.close().run();
                }
            };
        }, threads);
    }

    /** The Pabulib file of each envelope of the scope whose results are public, made when the zip reaches it. */
    private List<RawCsv.Attachment> elections(Actor owner, KpiQuery query, Instant now) {
        List<RawCsv.Attachment> files = new ArrayList<>();
        for (RawData.PublicEnvelope envelope : raw.publicEnvelopes(owner, query, now)) {
            String name = "pabulib/" + envelope.year() + "-call-" + envelope.callId() + "-"
                    + envelope.district().orElse("city") + ".pb";
            files.add(new RawCsv.Attachment() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public java.util.Optional<RawCsv.Text> content() {
                    try {
                        PabulibElection election = openData.exportElection(owner, envelope.id(), now);
                        PabulibFile.requireWritable(election);
                        return java.util.Optional.of(writer -> PabulibFile.write(election, writer));
                    } catch (DomainException e) {
                        // not exportable as a file (the platform refuses it): left out of the zip, the log says why
                        LOG.info(() -> "No Pabulib file for envelope " + envelope.id() + ": " + e.messageKey());
                        return java.util.Optional.empty();
                    }
                }
            });
        }
        return files;
    }
}
