package dev.topowatch.checkers;

import dev.topowatch.checkers.support.HostileServer;
import dev.topowatch.checkers.support.Measured;
import dev.topowatch.checkers.support.TestHttpServer;
import dev.topowatch.topology.ConfigText;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.check.HttpCheck;
import dev.topowatch.topology.check.HttpExpectation;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import static dev.topowatch.checkers.support.Entities.entity;
import static dev.topowatch.checkers.support.Measured.assertOneClearLine;
import static dev.topowatch.checkers.support.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS that a checker must not accept: a self-signed certificate, one for another host name, a TLS
 * server asked for plain HTTP and the other way round, a server that never does the handshake. Each
 * certificate is made here, self-signed, by BouncyCastle.
 */
class HostileTlsTargetsTest {
    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private static final char[] PASSWORD = "test".toCharArray();

    /** A key and a certificate signed by that same key, for the given names. */
    private record SelfSigned(KeyPair keys, X509Certificate certificate) {

        static SelfSigned forNames(GeneralName... names) throws Exception {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            var keys = generator.generateKeyPair();
            var now = Instant.now();
            var subject = new X500Name("CN=topowatch hostile test");
            var builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), subject, keys.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            var holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            return new SelfSigned(keys, new JcaX509CertificateConverter().getCertificate(holder));
        }

        SSLContext serverContext() throws Exception {
            var store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", keys.getPrivate(), PASSWORD, new Certificate[] {certificate});
            var keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, PASSWORD);
            var context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        }

        /** A client's checkers that trust exactly this certificate, as if its owner had installed it. */
        Checkers trustedBy() throws Exception {
            var store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("pinned", certificate);
            var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            var trust = (X509TrustManager) factory.getTrustManagers()[0];
            var context = SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {trust}, null);
            return Checkers.create(Clock.systemUTC(),
                    Checkers.newHttpClient().newBuilder().sslSocketFactory(context.getSocketFactory(), trust).build());
        }
    }

    private static Measured check(Checkers checkers, String name, String url, boolean insecure) {
        var spec = new HttpCheck(ConfigText.literal(url), "GET", Map.of(), null, true, insecure, HttpExpectation.DEFAULT, Map.of());
        var api = checkers.forType(EntityType.API).orElseThrow();
        return Measured.run(name, () -> api.check(entity("api", EntityType.API, spec, Duration.ofMinutes(1), TIMEOUT), TIMEOUT));
    }

    private static TestHttpServer serving(SelfSigned certificate) throws Exception {
        return TestHttpServer.https(certificate.serverContext()).on("/", exchange -> respond(exchange, 200, "ok"));
    }

    @Test
    void a_self_signed_certificate_is_down_unless_the_entity_is_insecure() throws Exception {
        var selfSigned = SelfSigned.forNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        try (var server = serving(selfSigned); var checkers = Checkers.create(Clock.systemUTC())) {
            var verified = check(checkers, "api self-signed certificate", server.url("/"), false);
            var insecure = check(checkers, "api self-signed certificate, insecure: true", server.url("/"), true);

            assertThat(verified.result().status()).isEqualTo(Status.DOWN);
            assertThat(verified.result().error()).isEqualTo("certificate is not trusted (self-signed or unknown issuer)");
            assertThat(insecure.result().status()).isEqualTo(Status.UP);
        }
    }

    @Test
    void a_trusted_certificate_for_another_host_name_is_down_unless_the_entity_is_insecure() throws Exception {
        var otherHost = SelfSigned.forNames(new GeneralName(GeneralName.dNSName, "status.example.org"));
        try (var server = serving(otherHost); var trusting = otherHost.trustedBy()) {
            var verified = check(trusting, "api certificate for another host name", server.url("/"), false);
            var insecure = check(trusting, "api certificate for another host name, insecure: true", server.url("/"), true);

            assertThat(verified.result().status()).isEqualTo(Status.DOWN);
            assertThat(verified.result().error()).isEqualTo("certificate does not match the host name");
            assertThat(insecure.result().status()).isEqualTo(Status.UP);
        }
    }

    @Test
    void the_same_certificate_is_up_when_trusted_and_the_name_matches() throws Exception {
        // The control for the two above: the server and the client setup work; only the name or trust differs.
        var matching = SelfSigned.forNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        try (var server = serving(matching); var trusting = matching.trustedBy()) {
            var run = check(trusting, "api trusted self-signed certificate, matching name", server.url("/"), false);

            assertThat(run.result().status()).isEqualTo(Status.UP);
        }
    }

    @Test
    void a_tls_server_asked_for_plain_http_is_down_with_a_clear_line() throws Exception {
        var selfSigned = SelfSigned.forNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        try (var server = serving(selfSigned); var checkers = Checkers.create(Clock.systemUTC())) {
            var run = check(checkers, "api http:// to a TLS port", server.url("/").replace("https://", "http://"), false);

            assertThat(run.result().status()).isEqualTo(Status.DOWN);
            assertOneClearLine(run.result().error());
            assertThat(run.took()).isLessThan(TIMEOUT.multipliedBy(2));
        }
    }

    @Test
    void a_plain_http_server_asked_for_tls_is_down_with_a_tls_error() throws Exception {
        // As nginx does on its plain port: the ClientHello is not a request, so it answers 400 and hangs up.
        try (var plain = HostileServer.raw((client, out) -> {
            client.getInputStream().read(new byte[4096]);
            out.write(HostileServer.ascii("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
            out.flush();
            client.close();
        }); var checkers = Checkers.create(Clock.systemUTC())) {
            var run = check(checkers, "api https:// to a plain HTTP port", "https://127.0.0.1:" + plain.port() + "/", false);

            assertThat(run.result().status()).isEqualTo(Status.DOWN);
            assertOneClearLine(run.result().error());
            assertThat(run.result().error()).startsWith("TLS handshake failed");
            assertThat(run.took()).isLessThan(TIMEOUT);
        }
    }

    @Test
    void a_server_that_never_answers_the_tls_handshake_is_down_with_a_timeout() throws Exception {
        try (var silent = HostileServer.raw((client, out) -> Thread.sleep(Duration.ofMinutes(1)));
             var checkers = Checkers.create(Clock.systemUTC())) {
            var run = check(checkers, "api https:// accepts, no handshake", "https://127.0.0.1:" + silent.port() + "/", false);

            assertThat(run.result().status()).isEqualTo(Status.DOWN);
            assertThat(run.result().error()).isEqualTo("timeout after 1500 ms");
            assertThat(run.took()).isBetween(TIMEOUT.minusMillis(100), TIMEOUT.multipliedBy(2));
        }
    }
}
