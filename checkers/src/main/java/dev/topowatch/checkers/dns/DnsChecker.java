package dev.topowatch.checkers.dns;

import dev.topowatch.checkers.CheckResult;
import dev.topowatch.checkers.Checker;
import dev.topowatch.checkers.internal.Failures;
import dev.topowatch.checkers.internal.Redactor;
import dev.topowatch.checkers.internal.Stopwatch;
import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.HostPort;
import dev.topowatch.topology.check.DnsCheck;
import dev.topowatch.topology.check.DnsCheck.RecordType;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * {@code type: dns}: resolves {@code query} and, when {@code expect.values} is given, requires every
 * expected value among the answers. With a {@code resolver}, dnsjava asks that server directly; without
 * one, A and AAAA go through the system's resolver as every other program on the machine would (hosts
 * file included), and CNAME, MX and TXT through dnsjava to the servers in the system's configuration.
 */
public final class DnsChecker implements Checker {
    private static final int DNS_PORT = 53;
    private static final int LONGEST_ANSWERS = 300;

    private final Clock clock;

    public DnsChecker(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CheckResult check(Entity entity, Duration timeout) {
        if (!(entity.check() instanceof DnsCheck dns)) {
            throw new IllegalArgumentException("not a dns entity: " + entity.name());
        }
        var watch = Stopwatch.start(clock);
        var redactor = Redactor.forEntity(entity);
        var resolverShown = dns.resolver() == null ? "system" : dns.resolver().toString();
        CheckResult result;
        try {
            var useJdk = dns.resolver() == null && (dns.record() == RecordType.A || dns.record() == RecordType.AAAA);
            var answers = useJdk ? systemAddresses(dns) : ask(dns, timeout);
            result = judge(dns, answers, watch);
        } catch (Unresolved unresolved) {
            result = CheckResult.down(watch.at(), watch.elapsed(), unresolved.getMessage());
        } catch (IOException | RuntimeException failure) {
            result = CheckResult.down(watch.at(), watch.elapsed(), Failures.describe(failure, timeout, redactor));
        }
        return result.withDetail("resolver", resolverShown).withDetail("record", dns.record().name());
    }

    private CheckResult judge(DnsCheck dns, List<String> answers, Stopwatch watch) {
        var elapsed = watch.elapsed();
        var shown = String.join(", ", answers);
        if (shown.length() > LONGEST_ANSWERS) {
            shown = shown.substring(0, LONGEST_ANSWERS) + "...";
        }
        if (answers.isEmpty()) {
            return CheckResult.down(watch.at(), elapsed, "no " + dns.record() + " record for " + dns.query());
        }
        for (var expected : dns.expectedValues()) {
            if (answers.stream().noneMatch(answer -> matches(dns.record(), expected.value(), answer))) {
                return CheckResult.down(watch.at(), elapsed, "expected " + expected + " among the answers, got " + shown)
                        .withDetail("answers", shown);
            }
        }
        return CheckResult.up(watch.at(), elapsed).withDetail("answers", shown);
    }

    /** Through the JDK, i.e. getaddrinfo: the hosts file and the system's resolver, as other programs see it. */
    private static List<String> systemAddresses(DnsCheck dns) throws Unresolved {
        var wanted = dns.record() == RecordType.A ? Inet4Address.class : Inet6Address.class;
        try {
            return Arrays.stream(InetAddress.getAllByName(dns.query().value().strip()))
                    .filter(wanted::isInstance)
                    .map(InetAddress::getHostAddress)
                    .distinct()
                    .toList();
        } catch (UnknownHostException unknown) {
            throw new Unresolved("cannot resolve " + dns.query());
        }
    }

    private static List<String> ask(DnsCheck dns, Duration timeout) throws IOException, Unresolved {
        var resolver = resolver(dns.resolver());
        resolver.setTimeout(timeout);
        Name name;
        try {
            name = Name.fromString(dns.query().value().strip(), Name.root);
        } catch (TextParseException invalid) {
            throw new Unresolved("not a valid domain name: " + dns.query());
        }
        int type = Type.value(dns.record().name());
        Message response;
        try {
            response = resolver.sendAsync(Message.newQuery(Record.newRecord(name, type, DClass.IN)))
                    .toCompletableFuture().get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof TimeoutException || failed.getCause() instanceof java.net.SocketTimeoutException) {
                throw new java.net.SocketTimeoutException("timeout");
            }
            if (failed.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(failed.getCause());
        }
        int rcode = response.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            throw new Unresolved("no such domain: " + dns.query());
        }
        if (rcode != Rcode.NOERROR) {
            throw new Unresolved("resolver answered " + Rcode.string(rcode));
        }
        var answers = new ArrayList<String>();
        for (var record : response.getSection(Section.ANSWER)) {
            if (record.getType() == type) {
                answers.add(text(record));
            }
        }
        return answers;
    }

    private static Resolver resolver(ConfigText configured) throws UnknownHostException {
        if (configured == null) {
            return new ExtendedResolver();
        }
        var text = configured.value().strip();
        var hostPort = HostPort.parse(text);
        var host = hostPort.map(HostPort::host).orElse(text);
        var resolver = new SimpleResolver(host);
        resolver.setPort(hostPort.map(HostPort::port).orElse(DNS_PORT));
        return resolver;
    }

    /** An answer as a person writes it in {@code expect.values}: no trailing dot on names. */
    private static String text(Record record) {
        return switch (record) {
            case ARecord a -> a.getAddress().getHostAddress();
            case AAAARecord aaaa -> aaaa.getAddress().getHostAddress();
            case CNAMERecord cname -> name(cname.getTarget());
            case MXRecord mx -> mx.getPriority() + " " + name(mx.getTarget());
            case TXTRecord txt -> String.join("", txt.getStrings());
            default -> record.rdataToString();
        };
    }

    private static String name(Name name) {
        var text = name.toString();
        return text.endsWith(".") && text.length() > 1 ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * Whether an answer is the expected value: addresses by value ({@code ::1} is
     * {@code 0:0:0:0:0:0:0:1}), names without case or trailing dot, an MX by its host alone or with its
     * priority, text exactly.
     */
    static boolean matches(RecordType record, String expected, String answer) {
        var wanted = expected.strip();
        return switch (record) {
            case A, AAAA -> {
                int family = record == RecordType.A ? Address.IPv4 : Address.IPv6;
                var expectedBytes = Address.toByteArray(wanted, family);
                var answerBytes = Address.toByteArray(answer, family);
                yield expectedBytes != null && answerBytes != null
                        ? Arrays.equals(expectedBytes, answerBytes)
                        : wanted.equalsIgnoreCase(answer);
            }
            case CNAME -> sameName(wanted, answer);
            case MX -> sameName(wanted, answer) || sameName(wanted, answer.substring(answer.indexOf(' ') + 1))
                    || normalisedMx(wanted).equals(normalisedMx(answer));
            case TXT -> wanted.equals(answer);
        };
    }

    private static boolean sameName(String one, String other) {
        return trimDot(one).equalsIgnoreCase(trimDot(other));
    }

    private static String normalisedMx(String mx) {
        return trimDot(mx.strip().replaceAll("\\s+", " ")).toLowerCase(Locale.ROOT);
    }

    private static String trimDot(String name) {
        return name.endsWith(".") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    }

    /** A lookup that worked and said no: the message is the board's error line. */
    private static final class Unresolved extends Exception {
        Unresolved(String message) {
            super(message, null, false, false);
        }
    }
}
