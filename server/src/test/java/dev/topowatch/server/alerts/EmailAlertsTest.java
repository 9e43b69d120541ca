package dev.topowatch.server.alerts;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.topowatch.server.alerts.email.EmailChannel;
import dev.topowatch.server.testing.RunningClock;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-mail end to end: the real alerting path sending through Jakarta Mail to GreenMail, an SMTP
 * server on 127.0.0.1 that logs the sender in and keeps what it receives.
 */
@Tag("slow")
class EmailAlertsTest {
    static final String PASSWORD = "smtp-pa55word";

    @TempDir
    Path directory;
    RunningClock clock = new RunningClock(Instant.parse("2026-12-01T10:00:00Z"));
    int port;
    GreenMail smtp;

    @BeforeEach
    void start() throws Exception {
        try (var free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        smtp = startSmtp();
    }

    GreenMail startSmtp() {
        var server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.setUser("alerts@example.com", "alerts", PASSWORD);
        server.start();
        return server;
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    String topology() {
        return topology("none");
    }

    String topology(String tls) {
        return AlertsHarness.chain("""
                  email:
                    smtp_host: 127.0.0.1
                    smtp_port: %d
                    tls: %s
                    username: alerts
                    password: %s
                    from: "topowatch <alerts@example.com>"
                    to: [oncall@example.com, boss@example.com]
                """.formatted(port, tls, PASSWORD));
    }

    @Test
    void one_mail_names_the_root_in_its_subject_with_its_casualties_in_text_and_html_and_a_second_tells_its_recovery() throws Exception {
        try (var alerts = new AlertsHarness(directory.resolve("board.db"), clock, topology())) {
            alerts.outage("refused <script>alert(1)</script>", Duration.ofMinutes(3), clock::advance);
        }

        var received = smtp.getReceivedMessages();
        // One message to two recipients arrives twice at a server that holds both mailboxes.
        assertThat(received).hasSize(4);
        var down = Arrays.stream(received).filter(message -> subject(message).contains("DOWN")).findFirst().orElseThrow();
        assertThat(down.getSubject()).isEqualTo("[topowatch] db is DOWN");
        assertThat(down.getFrom()[0].toString()).isEqualTo("topowatch <alerts@example.com>");
        assertThat(down.getAllRecipients()).extracting(Object::toString).containsExactly("oncall@example.com", "boss@example.com");
        assertThat(down.getHeader(EmailChannel.DELIVERY_HEADER)).hasSize(1);
        var parts = (MimeMultipart) down.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat((String) parts.getBodyPart(0).getContent()).contains("db is DOWN")
                .contains("refused <script>alert(1)</script>").contains("blocks 2: api, web").contains("http://board.example:8080/?focus=db");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) parts.getBodyPart(1).getContent()).contains("refused &lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>").contains("blocks 2: api, web").contains("<a href=\"http://board.example:8080/?focus=db\">");
        assertThat(subjects(received)).containsExactlyInAnyOrder("[topowatch] db is DOWN", "[topowatch] db is DOWN",
                "[topowatch] db recovered after 3m", "[topowatch] db recovered after 3m");
    }

    @Test
    void a_mail_server_that_is_down_is_tried_again_until_it_takes_the_mail_once() throws Exception {
        smtp.stop();
        try (var alerts = new AlertsHarness(directory.resolve("board.db"), clock, topology())) {
            alerts.down("db", "connection refused");
            Thread.sleep(1000);
            assertThat(alerts.alerter.undelivered()).isNotEmpty();

            smtp = startSmtp();
            alerts.awaitOutboxEmpty();
        }
        assertThat(subjects(smtp.getReceivedMessages())).containsExactly("[topowatch] db is DOWN", "[topowatch] db is DOWN");
    }

    @Test
    void a_mail_not_sent_before_a_restart_is_sent_once_after_it() throws Exception {
        smtp.stop();
        var alerts = new AlertsHarness(directory.resolve("board.db"), clock, topology());
        alerts.down("db", "connection refused");
        Thread.sleep(600);
        alerts.close();

        smtp = startSmtp();
        alerts.open();
        alerts.awaitOutboxEmpty();
        alerts.close();

        assertThat(subjects(smtp.getReceivedMessages())).containsExactly("[topowatch] db is DOWN", "[topowatch] db is DOWN");
    }

    @Test
    void starttls_asked_for_is_required_a_server_without_it_gets_no_password_and_no_mail() throws Exception {
        try (var alerts = new AlertsHarness(directory.resolve("board.db"), clock, topology("starttls"))) {
            alerts.down("db", "connection refused");
            Thread.sleep(1500);

            assertThat(alerts.alerter.undelivered()).as("kept to try again").isNotEmpty();
        }
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    private static List<String> subjects(MimeMessage[] messages) {
        return Arrays.stream(messages).map(EmailAlertsTest::subject).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
