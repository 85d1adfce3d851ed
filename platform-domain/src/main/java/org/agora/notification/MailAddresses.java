package org.agora.notification;

import java.util.Optional;

/**
 * Where a person's mails go: the e-mail address of their account, asked when the mail is sent (the platform keeps no
 * copy of it). A port to the identity provider; empty when it has none or cannot answer now (the mail is tried again).
 */
@FunctionalInterface
public interface MailAddresses {

    Optional<String> addressOf(String username);
}
