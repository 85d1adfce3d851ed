package org.agora.exports;

/** Where an export stands: waiting for a worker, being written, ready to download, given up, or its file deleted. */
public enum ExportStatus {
    QUEUED, RUNNING, DONE, FAILED, EXPIRED;

    /** Still to be written: it counts against a person's exports in progress. */
    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }
}
