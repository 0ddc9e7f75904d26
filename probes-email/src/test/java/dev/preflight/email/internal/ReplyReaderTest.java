package dev.preflight.email.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Replies as servers send them, and what no SMTP server sends. */
class ReplyReaderTest {

    @Test
    void multiLineEhloReplyKeepsEveryLineAndTheGuardRunsPerLine() throws IOException {
        AtomicInteger guarded = new AtomicInteger();
        ReplyReader reader = new ReplyReader(stream("250-mx.example.net at your service\r\n250-SIZE 35882577\r\n"
                + "250-STARTTLS\r\n250 AUTH=LOGIN PLAIN\r\n"), guarded::incrementAndGet);

        SmtpReply reply = reader.read();

        assertThat(reply.code()).isEqualTo(250);
        assertThat(reply.lines()).containsExactly("mx.example.net at your service", "SIZE 35882577", "STARTTLS",
                "AUTH=LOGIN PLAIN");
        assertThat(guarded).hasValue(4);
        assertThat(EhloCapabilities.of(reply).authMechanisms()).containsExactly("LOGIN", "PLAIN");
    }

    @Test
    void bareCodeAndLfOnlyLinesAreReplies() throws IOException {
        ReplyReader reader = new ReplyReader(stream("220\n354 End data with <CR><LF>.<CR><LF>\n"), () -> { });
        assertThat(reader.read()).hasToString("220");
        assertThat(reader.read().code()).isEqualTo(354);
    }

    @Test
    void whatIsNotSmtpIsMalformed() {
        assertThatThrownBy(() -> reader("SSH-2.0-OpenSSH_9.6\r\n").read()).isInstanceOf(MalformedReplyException.class)
                .hasMessageContaining("SSH-2.0");
        assertThatThrownBy(() -> reader("250-first\r\n550 second\r\n").read())
                .isInstanceOf(MalformedReplyException.class).hasMessageContaining("mixes codes 250 and 550");
        assertThatThrownBy(() -> reader("2500 too long a code\r\n").read()).isInstanceOf(MalformedReplyException.class);
        assertThatThrownBy(() -> reader("250 " + "x".repeat(ReplyReader.MAX_LINE) + "\r\n").read())
                .isInstanceOf(MalformedReplyException.class).hasMessageContaining("longer than");
        assertThatThrownBy(() -> reader("250-x\r\n".repeat(ReplyReader.MAX_LINES + 1)).read())
                .isInstanceOf(MalformedReplyException.class).hasMessageContaining("more than");
        assertThatThrownBy(() -> reader("250 cut off").read()).isInstanceOf(MalformedReplyException.class)
                .hasMessageContaining("middle of a reply line");
    }

    @Test
    void aClosedConnectionBeforeAReplyIsEndOfFile() {
        assertThatThrownBy(() -> reader("").read()).isInstanceOf(EOFException.class);
    }

    @Test
    void controlCharactersAreNotEchoedIntoMessages() {
        assertThatThrownBy(() -> reader("\u001b[31mred\r\n").read()).isInstanceOf(MalformedReplyException.class)
                .hasMessageNotContaining("\u001b");
    }

    private static ReplyReader reader(String text) {
        return new ReplyReader(stream(text), () -> { });
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
