package dev.topowatch.checkers.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.topowatch.checkers.CheckResult;
import dev.topowatch.checkers.Checker;
import dev.topowatch.checkers.internal.Failures;
import dev.topowatch.checkers.internal.Redactor;
import dev.topowatch.checkers.internal.Stopwatch;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.check.HttpCheck;
import dev.topowatch.topology.check.HttpExpectation;
import dev.topowatch.topology.check.StatusPattern;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * {@code type: api} (alias {@code http}): one request through the shared OkHttp client, judged by the
 * entity's {@code expect}. Hard expectations (status, body, JSON) fail the check; {@code max_latency}
 * and {@code certificate_days} only degrade it. With {@code insecure: true} the certificate is not
 * verified, for that entity only; its expiry is still reported, and degrades it when
 * {@code certificate_days} asks, but an expired or untrusted certificate does not take it down.
 */
public final class HttpChecker implements Checker {
    /** Enough for any health answer; a 100 MB answer costs 1 MiB and the time to read it. */
    public static final int BODY_CAP = 1024 * 1024;
    /** A body of known length up to this is drained after a status-only check, to reuse the connection. */
    private static final int SMALL_BODY = 64 * 1024;
    private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");
    private static final int LONGEST_CAPTURE = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;
    /** Indexed by [followRedirects][insecure]; all four share the one client's pool and dispatcher. */
    private final OkHttpClient[][] clients = new OkHttpClient[2][2];
    /**
     * Each entity's request, built once: parsing its URL and headers on every check was a tenth of a
     * probe's CPU. Kept by entity name and matched to the entity's spec by identity (an edit brings a
     * new spec): a record's deep hashCode and equals on every check cost as much as the building.
     */
    private final Map<String, Prepared> requests = new ConcurrentHashMap<>();

    /**
     * @param shared the client whose connection pool every check uses; its trust is the default for
     *               entities that are not {@code insecure}
     */
    public HttpChecker(OkHttpClient shared, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        // Each call gets its own deadline (the entity's timeout, through Call.timeout()), so the
        // per-phase timeouts are switched off: a 10 s default read timeout must not cut a 30 s check.
        var base = shared.newBuilder()
                .addNetworkInterceptor(HttpChecker::recordCertificate)
                .connectTimeout(Duration.ZERO)
                .readTimeout(Duration.ZERO)
                .writeTimeout(Duration.ZERO)
                .build();
        var insecure = trustingEveryone(base);
        clients[1][0] = base.newBuilder().followRedirects(true).followSslRedirects(true).build();
        clients[0][0] = base.newBuilder().followRedirects(false).followSslRedirects(false).build();
        clients[1][1] = insecure.newBuilder().followRedirects(true).followSslRedirects(true).build();
        clients[0][1] = insecure.newBuilder().followRedirects(false).followSslRedirects(false).build();
    }

    @Override
    public CheckResult check(Entity entity, Duration timeout) {
        if (!(entity.check() instanceof HttpCheck http)) {
            throw new IllegalArgumentException("not an api entity: " + entity.name());
        }
        var watch = Stopwatch.start(clock);
        // Only a failure's message needs it, and building it compiles patterns: not on every check.
        var client = clients[http.followRedirects() ? 1 : 0][http.insecure() ? 1 : 0];
        Request request;
        var certificate = new PeerCertificate();
        try {
            request = prepared(entity.name(), http).newBuilder().tag(PeerCertificate.class, certificate).build();
        } catch (IllegalArgumentException invalid) {
            return CheckResult.down(watch.at(), watch.elapsed(), "cannot build the request: " + Redactor.forEntity(entity).clean(invalid.getMessage()))
                    .withDetail("url", http.url().toString());
        }
        var call = client.newCall(request);
        call.timeout().timeout(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        try (var response = call.execute()) {
            var body = needsBody(http) ? readBody(response) : null;
            var result = judge(http, response, certificate, body, watch.elapsed(), watch, timeout);
            if (!readToTheEnd(http, response, body)) {
                // Closing a response whose body was not read to its end makes OkHttp read on and throw
                // away the rest for up to 100 ms, to keep the connection for reuse: 25 to 70 MB of a
                // 100 MB answer on loopback (HostileHttpTargetsTest). Cancelling first drops the
                // connection instead, so that a check reads at most BODY_CAP of what it is sent.
                call.cancel();
            }
            return result;
        } catch (IOException | RuntimeException failure) {
            return CheckResult.down(watch.at(), watch.elapsed(), Failures.describe(failure, timeout, Redactor.forEntity(entity)))
                    .withDetail("url", http.url().toString());
        }
    }

    @Override
    public void forget(String entity) {
        requests.remove(entity);
    }

    private Request prepared(String entity, HttpCheck http) {
        var prepared = requests.get(entity);
        if (prepared == null || prepared.spec() != http) {
            prepared = new Prepared(http, request(http));
            requests.put(entity, prepared);
        }
        return prepared.request();
    }

    private record Prepared(HttpCheck spec, Request request) {
    }

    private static Request request(HttpCheck http) {
        var builder = new Request.Builder().url(http.url().value()).header("User-Agent", "topowatch");
        http.headers().forEach((name, value) -> builder.header(name, value.value()));
        RequestBody body = null;
        if (http.body() != null) {
            var type = http.headers().entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase("Content-Type"))
                    .map(header -> MediaType.parse(header.getValue().value()))
                    .filter(Objects::nonNull)
                    .findFirst().orElse(null);
            body = RequestBody.create(http.body().value().getBytes(StandardCharsets.UTF_8), type);
        } else if (METHODS_WITH_BODY.contains(http.method())) {
            body = RequestBody.create(new byte[0], null);
        }
        return builder.method(http.method(), body).build();
    }

    private static boolean needsBody(HttpCheck http) {
        var expect = http.expect();
        return expect.bodyContains() != null || expect.bodyRegex() != null || !expect.json().isEmpty()
                || !http.capture().isEmpty();
    }

    /**
     * Whether closing {@code response} leaves nothing worth draining: the body was read whole, or there
     * is none, or what is left is small enough to read at once and keep the connection for the next check.
     */
    private static boolean readToTheEnd(HttpCheck http, Response response, Body body) {
        if (body != null) {
            return !body.truncated();
        }
        int code = response.code();
        if ("HEAD".equals(http.method()) || code / 100 == 1 || code == 204 || code == 304) {
            return true;
        }
        long length = response.body().contentLength();
        return length >= 0 && length <= SMALL_BODY;
    }

    /** At most {@link #BODY_CAP} bytes; the rest is never read (closing the response drops it). */
    private static Body readBody(Response response) throws IOException {
        var responseBody = response.body();
        var bytes = responseBody.byteStream().readNBytes(BODY_CAP + 1);
        boolean truncated = bytes.length > BODY_CAP;
        var type = responseBody.contentType();
        Charset charset = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
        return new Body(new String(bytes, 0, Math.min(bytes.length, BODY_CAP), charset), truncated);
    }

    private CheckResult judge(HttpCheck http, Response response, PeerCertificate certificate, Body body,
                              Duration latency, Stopwatch watch, Duration timeout) {
        var expect = http.expect();
        var details = new HashMap<String, String>();
        details.put("url", http.url().toString());
        details.put("http_status", Integer.toString(response.code()));
        var captured = new LinkedHashMap<String, String>();
        JsonNode json = null;
        String jsonError = null;
        if (body != null) {
            if (body.truncated()) {
                details.put("body_truncated", "first " + BODY_CAP / 1024 + " KiB read");
            }
            if (!expect.json().isEmpty() || !http.capture().isEmpty()) {
                try {
                    json = JSON.readTree(body.text());
                } catch (IOException notJson) {
                    jsonError = "body is not JSON" + (body.truncated() ? " (first " + BODY_CAP / 1024 + " KiB read)" : "");
                }
            }
            if (json != null) {
                captured.putAll(capture(json, http.capture()));
            }
        }
        var certificateLeft = certificate.leaf == null ? null
                : Duration.between(clock.instant(), certificate.leaf.getNotAfter().toInstant());
        if (certificateLeft != null) {
            // Floor: 2 days 23 hours left is 2; 5 hours past expiry is -1.
            details.put("certificate_days_left",
                    Long.toString(Math.floorDiv(certificateLeft.toSeconds(), Duration.ofDays(1).toSeconds())));
        }

        var hardFailure = hardFailure(expect, response.code(), body, json, jsonError, watch, timeout);
        var softFailure = hardFailure == null ? softFailure(expect, latency, certificateLeft) : null;
        var status = hardFailure != null ? Status.DOWN : softFailure != null ? Status.DEGRADED : Status.UP;
        return new CheckResult(status, latency, watch.at(), hardFailure != null ? hardFailure : softFailure, details, captured);
    }

    private static String hardFailure(HttpExpectation expect, int code, Body body, JsonNode json, String jsonError,
                                      Stopwatch watch, Duration timeout) {
        if (!anyMatches(expect.status(), code)) {
            return "expected status " + expect.status().stream().map(StatusPattern::toString)
                    .collect(Collectors.joining(" or ")) + ", got " + code;
        }
        var readNote = body != null && body.truncated() ? " (first " + BODY_CAP / 1024 + " KiB read)" : "";
        if (expect.bodyContains() != null && !body.text().contains(expect.bodyContains().value())) {
            return "body does not contain '" + expect.bodyContains() + "'" + readNote;
        }
        if (expect.bodyRegex() != null) {
            var deadline = watch.startNanos() + timeout.toNanos();
            try {
                if (!Pattern.compile(expect.bodyRegex()).matcher(new Deadlined(body.text(), deadline)).find()) {
                    return "body does not match /" + expect.bodyRegex() + "/" + readNote;
                }
            } catch (Deadlined.Expired expired) {
                return "body_regex took longer than the timeout (" + timeout.toMillis() + " ms)";
            }
        }
        if (!expect.json().isEmpty()) {
            if (jsonError != null) {
                return jsonError;
            }
            for (var expected : expect.json().entrySet()) {
                var actual = json.at(JsonPointer.compile(expected.getKey()));
                if (actual.isMissingNode()) {
                    return "JSON " + expected.getKey() + " is missing, expected " + expected.getValue();
                }
                if (!sameValue(expected.getValue(), actual)) {
                    return "expected JSON " + expected.getKey() + " to be " + expected.getValue() + ", got " + shorten(actual.toString());
                }
            }
        }
        return null;
    }

    /** A loop, not a stream: this runs on every check. */
    private static boolean anyMatches(List<StatusPattern> patterns, int code) {
        for (var pattern : patterns) {
            if (pattern.matches(code)) {
                return true;
            }
        }
        return false;
    }

    private static String softFailure(HttpExpectation expect, Duration latency, Duration certificateLeft) {
        if (expect.maxLatency() != null && latency.compareTo(expect.maxLatency()) > 0) {
            return "slow: " + latency.toMillis() + " ms, over max_latency " + expect.maxLatency().toMillis() + " ms";
        }
        if (expect.certificateDays() == null || certificateLeft == null) {
            return null;
        }
        if (certificateLeft.isNegative()) {
            // Only reached with insecure: true: a verified handshake rejects an expired certificate.
            long daysAgo = certificateLeft.negated().toDays();
            return daysAgo == 0 ? "certificate expired less than a day ago"
                    : "certificate expired " + days(daysAgo) + " ago";
        }
        long daysLeft = certificateLeft.toDays();
        if (daysLeft < expect.certificateDays()) {
            return daysLeft == 0 ? "certificate expires in less than a day" : "certificate expires in " + days(daysLeft);
        }
        return null;
    }

    private static String days(long days) {
        return days + (days == 1 ? " day" : " days");
    }

    /**
     * Notes the certificate the server presented, straight from the TLS session. OkHttp's own
     * {@code Handshake.peerCertificates()} is the chain as verified, which is empty with
     * {@code insecure: true}, and we want the expiry there too.
     */
    private static Response recordCertificate(Interceptor.Chain chain) throws IOException {
        var holder = chain.request().tag(PeerCertificate.class);
        var connection = chain.connection();
        if (holder != null && connection != null && connection.socket() instanceof SSLSocket tls) {
            try {
                if (tls.getSession().getPeerCertificates()[0] instanceof X509Certificate leaf) {
                    holder.leaf = leaf;
                }
            } catch (SSLPeerUnverifiedException | ArrayIndexOutOfBoundsException none) {
                // No certificate to note.
            }
        }
        return chain.proceed(chain.request());
    }

    /**
     * Equal as a person means it: numbers by value (1 and 1.0), and a value written as text in YAML
     * against a JSON number or boolean by its text, since YAML quoting is easy to get wrong.
     */
    static boolean sameValue(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        if (expected.isTextual() && actual.isValueNode() && !actual.isNull()) {
            return expected.asText().equals(actual.asText());
        }
        return expected.equals(actual);
    }

    private static Map<String, String> capture(JsonNode json, Map<String, String> pointers) {
        var captured = new LinkedHashMap<String, String>();
        pointers.forEach((key, pointer) -> {
            var value = json.at(JsonPointer.compile(pointer));
            if (!value.isMissingNode()) {
                captured.put(key, shorten(value.isValueNode() ? value.asText() : value.toString()));
            }
        });
        return captured;
    }

    private static String shorten(String text) {
        return text.length() > LONGEST_CAPTURE ? text.substring(0, LONGEST_CAPTURE) + "..." : text;
    }

    /** A client that accepts any certificate for any host, sharing {@code base}'s pool. */
    private static OkHttpClient trustingEveryone(OkHttpClient base) {
        var trustAll = new TrustEveryone();
        try {
            var context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustAll}, null);
            return base.newBuilder()
                    .sslSocketFactory(context.getSocketFactory(), trustAll)
                    .hostnameVerifier((host, session) -> true)
                    .build();
        } catch (GeneralSecurityException noTls) {
            throw new IllegalStateException("this JVM has no TLS", noTls);
        }
    }

    private record Body(String text, boolean truncated) {
    }

    /** The last server certificate seen by one call (the final one, after redirects). */
    private static final class PeerCertificate {
        volatile X509Certificate leaf;
    }

    /** For {@code insecure: true} only: the user asked us not to verify this entity's certificate. */
    private static final class TrustEveryone implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // Trusted: insecure was asked for.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // Trusted: insecure was asked for.
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /**
     * A body that stops a regular expression at the check's deadline: a pattern with catastrophic
     * backtracking over 1 MiB would otherwise hold a carrier thread for minutes, and it cannot be
     * interrupted.
     */
    private static final class Deadlined implements CharSequence {
        private final CharSequence text;
        private final long deadlineNanos;
        private int reads;

        Deadlined(CharSequence text, long deadlineNanos) {
            this.text = text;
            this.deadlineNanos = deadlineNanos;
        }

        static final class Expired extends RuntimeException {
            Expired() {
                super("deadline", null, false, false);
            }
        }

        @Override
        public char charAt(int index) {
            // nanoTime is cheap, but not free: look at the clock once every 4096 characters read.
            if ((++reads & 0xFFF) == 0 && System.nanoTime() - deadlineNanos > 0) {
                throw new Expired();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Deadlined(text.subSequence(start, end), deadlineNanos);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
