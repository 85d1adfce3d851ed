package org.agora.notification;

/** Where a queued mail is: waiting for its (next) attempt, sent, given up after the last attempt, or not wanted any more. */
public enum MailStatus {
    PENDING, SENT, FAILED, SKIPPED
}
