package org.agora.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.agora.shared.UnavailableException;
import org.agora.testing.Services;
import org.junit.jupiter.api.Test;

class UnsubscribeLinksTest {

    static final UnsubscribeLinks LINKS = Services.TEST_LINKS;
    static final UnsubscribeLinks OTHER_SECRET =
            UnsubscribeLinks.withSecret(Base64.getEncoder().encodeToString("another secret of thirty-two bytes!!".getBytes()));

    @Test
    void signedTokenNamesThePersonAndTheKind() {
        String token = LINKS.sign("alice", NotificationKind.COMMENT_REPLY);
        assertThat(LINKS.verify(token)).contains(new UnsubscribeLinks.Subject("alice", NotificationKind.COMMENT_REPLY));
    }

    @Test
    void tokenIsSafeInAnAddressWhateverTheUsername() {
        String token = LINKS.sign("élise+test@example.org", NotificationKind.MEETING_SEAT);
        assertThat(token).matches("[A-Za-z0-9_.-]+");
        assertThat(LINKS.verify(token)).map(UnsubscribeLinks.Subject::person).contains("élise+test@example.org");
    }

    @Test
    void tokenNamingAnotherPersonIsRefused() {
        String[] parts = LINKS.sign("alice", NotificationKind.COMMENT_REPLY).split("\\.");
        String bruno = Base64.getUrlEncoder().withoutPadding().encodeToString("bruno".getBytes(StandardCharsets.UTF_8));
        assertThat(LINKS.verify(bruno + "." + parts[1] + "." + parts[2])).isEmpty();
    }

    @Test
    void tokenNamingAnotherKindIsRefused() {
        String[] parts = LINKS.sign("alice", NotificationKind.COMMENT_REPLY).split("\\.");
        assertThat(LINKS.verify(parts[0] + ".COUNCIL_MEETING." + parts[2])).isEmpty();
    }

    @Test
    void alteredSignatureIsRefused() {
        String token = LINKS.sign("alice", NotificationKind.COMMENT_REPLY);
        char last = token.charAt(token.length() - 1);
        assertThat(LINKS.verify(token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'))).isEmpty();
    }

    @Test
    void tokenOfAnotherSecretIsRefused() {
        assertThat(LINKS.verify(OTHER_SECRET.sign("alice", NotificationKind.COMMENT_REPLY))).isEmpty();
    }

    @Test
    void malformedTokensAreRefused() {
        assertThat(LINKS.verify(null)).isEmpty();
        assertThat(LINKS.verify("")).isEmpty();
        assertThat(LINKS.verify("a.b")).isEmpty();
        assertThat(LINKS.verify("a.b.c.d")).isEmpty();
        assertThat(LINKS.verify("!!!.COMMENT_REPLY.???")).isEmpty();
        assertThat(LINKS.verify("YWxpY2U.NO_SUCH_KIND.AAAA")).isEmpty();
        assertThat(LINKS.verify("x".repeat(5000))).isEmpty();
    }

    @Test
    void withoutSecretNothingIsSignedNorChecked() {
        UnsubscribeLinks none = UnsubscribeLinks.unconfigured();
        assertThat(none.isConfigured()).isFalse();
        assertThatThrownBy(() -> none.sign("alice", NotificationKind.COMMENT_REPLY)).isInstanceOf(UnavailableException.class);
        assertThatThrownBy(() -> none.verify("a.b.c")).isInstanceOf(UnavailableException.class);
    }

    @Test
    void shortOrMalformedSecretIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> UnsubscribeLinks.withSecret("c2hvcnQ="))
                .hasMessageContaining(UnsubscribeLinks.KEY).hasMessageNotContaining("c2hvcnQ=");
        assertThatThrownBy(() -> UnsubscribeLinks.withSecret("not base64 at all!"))
                .hasMessageContaining("not base64");
        assertThat(LINKS.toString()).doesNotContain("dGVzd");
    }
}
