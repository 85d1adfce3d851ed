package org.agora.notification;

/**
 * A mail as it leaves: to one address, a subject, a plain text part and its HTML twin, and the address of the
 * one-click unsubscribe that the {@code List-Unsubscribe} header names (RFC 2369, with RFC 8058's one-click POST).
 */
public record OutgoingMail(String to, String subject, String text, String html, String listUnsubscribe,
                           String language) {
}
