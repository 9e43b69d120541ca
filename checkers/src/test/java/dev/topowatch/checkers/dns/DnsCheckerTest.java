package dev.topowatch.checkers.dns;

import dev.topowatch.checkers.CheckResult;
import dev.topowatch.checkers.support.DnsResponder;
import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.check.DnsCheck;
import dev.topowatch.topology.check.DnsCheck.RecordType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.TXTRecord;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static dev.topowatch.checkers.support.Entities.entity;
import static org.assertj.core.api.Assertions.assertThat;

class DnsCheckerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static DnsResponder responder;
    private final DnsChecker checker = new DnsChecker(Clock.systemUTC());

    @BeforeAll
    static void startResponder() throws Exception {
        var ttl = 60;
        responder = DnsResponder.answering(List.of(
                new ARecord(name("app.lab.test."), DClass.IN, ttl, InetAddress.getByName("10.1.2.3")),
                new ARecord(name("app.lab.test."), DClass.IN, ttl, InetAddress.getByName("10.1.2.4")),
                new AAAARecord(name("app.lab.test."), DClass.IN, ttl, InetAddress.getByName("fd00::1")),
                new CNAMERecord(name("www.lab.test."), DClass.IN, ttl, name("app.lab.test.")),
                new MXRecord(name("lab.test."), DClass.IN, ttl, 10, name("mail.lab.test.")),
                new TXTRecord(name("lab.test."), DClass.IN, ttl, "v=spf1 -all")));
    }

    @AfterAll
    static void stopResponder() {
        responder.close();
    }

    private static Name name(String text) throws Exception {
        return Name.fromString(text);
    }

    private CheckResult lookUp(String query, RecordType record, String resolver, String... expected) {
        var spec = new DnsCheck(ConfigText.literal(query), record, resolver == null ? null : ConfigText.literal(resolver),
                Arrays.stream(expected).map(ConfigText::literal).toList());
        return checker.check(entity("dns", EntityType.DNS, spec), TIMEOUT);
    }

    private String ourResolver() {
        return "127.0.0.1:" + responder.port();
    }

    @Test
    void localhost_resolves_through_the_system_resolver() {
        var result = lookUp("localhost", RecordType.A, null, "127.0.0.1");

        assertThat(result.status()).isEqualTo(Status.UP);
        assertThat(result.details()).containsEntry("resolver", "system").containsEntry("answers", "127.0.0.1");
    }

    @Test
    void an_answer_other_than_the_expected_one_is_down_and_shows_what_came_back() {
        var result = lookUp("localhost", RecordType.A, null, "10.9.9.9");

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("expected 10.9.9.9 among the answers, got 127.0.0.1");
    }

    @Test
    void a_custom_resolver_is_asked_directly_for_a_records() {
        var result = lookUp("app.lab.test", RecordType.A, ourResolver(), "10.1.2.4", "10.1.2.3");

        assertThat(result.status()).isEqualTo(Status.UP);
        assertThat(result.details()).containsEntry("resolver", ourResolver()).containsEntry("answers", "10.1.2.3, 10.1.2.4");
    }

    @Test
    void aaaa_answers_compare_as_addresses_not_as_text() {
        var result = lookUp("app.lab.test", RecordType.AAAA, ourResolver(), "FD00:0:0:0:0:0:0:1");

        assertThat(result.status()).isEqualTo(Status.UP);
    }

    @Test
    void cname_mx_and_txt_records_are_checked_by_value() {
        assertThat(lookUp("www.lab.test", RecordType.CNAME, ourResolver(), "app.lab.test.").status()).isEqualTo(Status.UP);
        assertThat(lookUp("lab.test", RecordType.MX, ourResolver(), "mail.lab.test").status()).isEqualTo(Status.UP);
        assertThat(lookUp("lab.test", RecordType.MX, ourResolver(), "10 mail.lab.test").status()).isEqualTo(Status.UP);
        assertThat(lookUp("lab.test", RecordType.TXT, ourResolver(), "v=spf1 -all").status()).isEqualTo(Status.UP);
        assertThat(lookUp("lab.test", RecordType.MX, ourResolver(), "backup-mail.lab.test").error())
                .isEqualTo("expected backup-mail.lab.test among the answers, got 10 mail.lab.test");
    }

    @Test
    void an_unknown_name_is_no_such_domain() {
        var result = lookUp("nope.lab.test", RecordType.A, ourResolver());

        assertThat(result.status()).isEqualTo(Status.DOWN);
        assertThat(result.error()).isEqualTo("no such domain: nope.lab.test");
    }

    @Test
    void a_name_without_that_record_type_is_down() {
        var result = lookUp("www.lab.test", RecordType.TXT, ourResolver());

        assertThat(result.error()).isEqualTo("no TXT record for www.lab.test");
    }

    @Test
    void a_resolver_that_never_answers_times_out() {
        try (var silent = DnsResponder.silent()) {
            var spec = new DnsCheck(ConfigText.literal("app.lab.test"), RecordType.A,
                    ConfigText.literal("127.0.0.1:" + silent.port()), List.of());
            long started = System.nanoTime();

            var result = checker.check(entity("dns", EntityType.DNS, spec), Duration.ofMillis(500));

            assertThat(result.status()).isEqualTo(Status.DOWN);
            assertThat(result.error()).isEqualTo("timeout after 500 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
    }
}
