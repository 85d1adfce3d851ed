package org.agora.notification;

/** Hands a mail to the mail server; throws when it was not accepted (the worker then counts a failed attempt). */
@FunctionalInterface
public interface MailSender {

    void send(OutgoingMail mail) throws Exception;
}
