package dev.preflight.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The scripted mail server answers as scripted, refuses what is not, and drops where told. */
class ScriptedSmtpServerTest {

    @Test
    void answersTheScriptThenClosesAfterTheMarkedVerb() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().greeting("220 scripted ESMTP")
                .before("EHLO", "250-scripted", "250 STARTTLS").before("STARTTLS", "220 go ahead").closeAfter("STARTTLS")
                .start();
                Socket client = new Socket(server.address().getAddress(), server.address().getPort())) {
            client.setSoTimeout(5000);
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.US_ASCII));
            OutputStream out = client.getOutputStream();
            assertThat(in.readLine()).isEqualTo("220 scripted ESMTP");
            out.write("ehlo [127.0.0.1]\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("250-scripted");
            assertThat(in.readLine()).isEqualTo("250 STARTTLS");
            out.write("NOOP\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("502 ");
            out.write("STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("220 go ahead");
            assertThat(in.readLine()).as("closed after STARTTLS").isNull();
        }
    }
}
