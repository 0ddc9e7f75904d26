package dev.preflight.email.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MailboxUrlTest {

    @Test
    void readsUserHostPortAndFolder() {
        MailboxUrl url = MailboxUrl.parse("imaps://ops%40shop.example@imap.inbox.example/Test%20Inbox");

        assertThat(url.implicitTls()).isTrue();
        assertThat(url.user()).isEqualTo("ops@shop.example");
        assertThat(url.port()).isEqualTo(993);
        assertThat(url.folder()).isEqualTo("Test Inbox");
        assertThat(url.password()).isEmpty();
        assertThat(MailboxUrl.parse("imap://ops@imap.inbox.example").port()).isEqualTo(143);
        assertThat(MailboxUrl.parse("imap://ops@imap.inbox.example").folder()).isEqualTo("INBOX");
    }

    @Test
    void keepsAPasswordOutOfWhatItShows() {
        MailboxUrl url = MailboxUrl.parse("imaps://ops:S3cret-pw@imap.inbox.example:1993/INBOX");

        assertThat(url.password().orElseThrow().reveal()).isEqualTo("S3cret-pw");
        assertThat(url.shown()).isEqualTo("imap.inbox.example:1993/INBOX").doesNotContain("S3cret");
    }

    @Test
    void refusesUrlsItCannotUse() {
        assertThatThrownBy(() -> MailboxUrl.parse("pop3://ops@pop.inbox.example")).hasMessageContaining("imaps://");
        assertThatThrownBy(() -> MailboxUrl.parse("imaps://imap.inbox.example")).hasMessageContaining("no user");
        assertThatThrownBy(() -> MailboxUrl.parse("imaps://ops:pw@ bad host")).hasMessageNotContaining("pw");
    }
}
