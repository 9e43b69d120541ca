package dev.topowatch.checkers.support;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A certificate authority made in the test, and server certificates it signs for 127.0.0.1 and
 * localhost: valid, expiring soon, or expired. EC keys, since they are made in milliseconds.
 */
public final class TestCertificates {
    private static final char[] PASSWORD = "test".toCharArray();
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final KeyPair caKeys;
    private final X509Certificate ca;

    public TestCertificates() throws Exception {
        caKeys = keyPair();
        var now = Instant.now();
        var name = new X500Name("CN=topowatch test CA");
        var builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(365))), name, caKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        ca = sign(builder, caKeys);
    }

    /** A server's TLS context with a certificate valid from {@code notBefore} to {@code notAfter}. */
    public SSLContext server(Instant notBefore, Instant notAfter) throws Exception {
        var keys = keyPair();
        var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=topowatch test CA"), serial(),
                Date.from(notBefore), Date.from(notAfter), new X500Name("CN=localhost"), keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
        var leaf = sign(builder, caKeys);
        var store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", keys.getPrivate(), PASSWORD, new Certificate[] {leaf, ca});
        var keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, PASSWORD);
        var context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        return context;
    }

    /** A client trust that knows this CA, as a company's private CA would be installed. */
    public X509TrustManager trust() throws Exception {
        var store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", ca);
        var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return (X509TrustManager) factory.getTrustManagers()[0];
    }

    public SSLContext clientContext() throws Exception {
        var context = SSLContext.getInstance("TLS");
        context.init(null, new javax.net.ssl.TrustManager[] {trust()}, null);
        return context;
    }

    private static KeyPair keyPair() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, KeyPair signer) throws Exception {
        var holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate()));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }
}
