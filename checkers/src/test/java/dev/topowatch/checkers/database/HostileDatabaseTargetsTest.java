package dev.topowatch.checkers.database;

import dev.topowatch.checkers.support.HostileServer;
import dev.topowatch.checkers.support.Measured;
import dev.topowatch.topology.Status;
import dev.topowatch.topology.check.DatabaseCheck.Engine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import static dev.topowatch.checkers.database.DatabaseEntities.checker;
import static dev.topowatch.checkers.database.DatabaseEntities.database;
import static dev.topowatch.checkers.support.HostileServer.ascii;
import static dev.topowatch.checkers.support.Measured.assertOneClearLine;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL and MariaDB "servers" that misbehave at the wire level, against the real JDBC drivers:
 * a reset, garbage, a greeting trickled one byte a second, a message that claims to be huge, an
 * error message full of control bytes. Each must be down in bounded time with one printable line.
 */
@Tag("slow")
class HostileDatabaseTargetsTest {
    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private static final long HUNDRED_MB = 100L * 1024 * 1024;

    private static String url(Engine engine, int port) {
        return "jdbc:" + engine.name().toLowerCase(Locale.ROOT) + "://127.0.0.1:" + port + "/app";
    }

    private static Measured check(String name, Engine engine, int port) {
        return Measured.run(name, () -> checker().check(database(engine, url(engine, port), "app", "pw"), TIMEOUT));
    }

    /**
     * What a PostgreSQL client says first: an SSL request (answered 'N', no SSL), then its startup
     * message. Read and dropped, so that the script's answer is read as the answer to the startup.
     */
    private static void postgresGreeting(Socket client, OutputStream out) throws IOException {
        var in = client.getInputStream();
        var first = readMessage(in);
        if (first.length == 4 && ByteBuffer.wrap(first).getInt() == 80877103) {
            out.write('N');
            out.flush();
            readMessage(in);
        }
    }

    /** One untyped PostgreSQL message (length, then body), as the startup phase sends them. */
    private static byte[] readMessage(InputStream in) throws IOException {
        var length = in.readNBytes(4);
        if (length.length < 4) {
            throw new IOException("client left");
        }
        return in.readNBytes(ByteBuffer.wrap(length).getInt() - 4);
    }

    /** A PostgreSQL message: type byte, length, body. */
    private static byte[] postgresMessage(char type, byte[] body) {
        return ByteBuffer.allocate(5 + body.length).put((byte) type).putInt(4 + body.length).put(body).array();
    }

    /** A MySQL/MariaDB packet: 3-byte length, sequence number, payload. */
    private static byte[] mysqlPacket(int sequence, byte[] payload) {
        var packet = new ByteArrayOutputStream();
        packet.write(payload.length & 0xFF);
        packet.write((payload.length >> 8) & 0xFF);
        packet.write((payload.length >> 16) & 0xFF);
        packet.write(sequence);
        packet.writeBytes(payload);
        return packet.toByteArray();
    }

    private static final byte[] CONTROL_BYTES = {0x1B, ']', '0', ';', 'o', 'w', 'n', 'e', 'd', 0x07, 0x1B, '[', '2', 'J',
            (byte) 0xFF, (byte) 0xC3, 0x28, 0x08, 0x7F};

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"POSTGRESQL", "MARIADB"})
    void a_server_that_resets_at_once_is_down_with_a_clear_line(Engine engine) throws Exception {
        try (var resetting = HostileServer.raw((client, out) -> {
            client.setSoLinger(true, 0);
            client.close();
        })) {
            var run = check(engine + " reset at once", engine, resetting.port());

            assertThat(run.result().status()).isEqualTo(Status.DOWN);
            assertOneClearLine(run.result().error());
            assertThat(run.result().error()).isEqualTo("connection reset");
            assertThat(run.took()).isLessThan(TIMEOUT);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"POSTGRESQL", "MARIADB"})
    void binary_garbage_is_down_with_a_printable_line(Engine engine) throws Exception {
        try (var garbled = HostileServer.raw((client, out) -> {
            var garbage = new byte[4096];
            new java.util.Random(7).nextBytes(garbage);
            out.write(garbage);
            out.flush();
            Thread.sleep(Duration.ofMinutes(1));
        })) {
            var run = check(engine + " binary garbage", engine, garbled.port());

            assertThat(run.result().status()).isEqualTo(Status.DOWN);
            assertOneClearLine(run.result().error());
            assertThat(run.took()).isLessThan(TIMEOUT.multipliedBy(2));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"POSTGRESQL", "MARIADB"})
    void a_greeting_trickled_one_byte_a_second_is_cut_at_the_timeout(Engine engine) throws Exception {
        try (var slow = HostileServer.raw((client, out) -> {
            if (engine == Engine.POSTGRESQL) {
                postgresGreeting(client, out);
                // AuthenticationOk, one byte a second.
                HostileServer.trickle(out, postgresMessage('R', new byte[4]), Duration.ofSeconds(1));
            } else {
                // The start of a handshake packet (protocol 10, a version string), one byte a second.
                HostileServer.trickle(out, mysqlPacket(0, ascii("\n11.4.5-MariaDB\0")), Duration.ofSeconds(1));
            }
            Thread.sleep(Duration.ofMinutes(1));
        })) {
            var run = check(engine + " slowloris greeting 1 B/s", engine, slow.port());

            assertThat(run.result().status()).isEqualTo(Status.DOWN);
            assertThat(run.result().error()).isEqualTo("timeout after 1500 ms");
            assertThat(run.took()).isBetween(TIMEOUT.minusMillis(100), TIMEOUT.multipliedBy(2));
        }
    }

    @Test
    void a_postgres_message_that_claims_to_be_2_gb_is_down_in_bounded_time() throws Exception {
        try (var huge = HostileServer.raw((client, out) -> {
            postgresGreeting(client, out);
            // An ErrorResponse that says it is 2 GB long, then 100 MB of it.
            out.write(ByteBuffer.allocate(5).put((byte) 'E').putInt(Integer.MAX_VALUE - 16).array());
            var chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            for (long sent = 0; sent < HUNDRED_MB; sent += chunk.length) {
                out.write(chunk);
            }
            out.flush();
        })) {
            var run = check("POSTGRESQL 2 GB ErrorResponse", Engine.POSTGRESQL, huge.port());

            assertThat(run.result().status()).isEqualTo(Status.DOWN);
            assertThat(run.result().error()).isEqualTo("reply too large (2147483631 bytes, at most 16777216)");
            assertThat(run.took()).isLessThan(TIMEOUT);
            // pgjdbc alone sized its buffer from the claim: about 1.5 GB of heap.
            assertThat(run.heapGrowthBytes()).as("heap growth during the check").isLessThan(256L * 1024 * 1024);
            huge.awaitFirstScriptEnd(TIMEOUT);
            System.out.printf("hostile server bytesSentKiB=%d clientHungUp=%d%n", huge.bytesSent() / 1024,
                    huge.clientsThatHungUp());
        }
    }

    @Test
    void a_mariadb_handshake_of_100_mb_is_down_in_bounded_time() throws Exception {
        try (var huge = HostileServer.raw((client, out) -> {
            // Packets of the largest size (16 MiB - 1), which the protocol continues into the next one.
            var payload = new byte[64 * 1024];
            Arrays.fill(payload, (byte) 'x');
            payload[0] = 10;
            out.write(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0});
            for (long sent = 0; sent < HUNDRED_MB; sent += payload.length) {
                out.write(payload);
                payload[0] = 'x';
            }
            out.flush();
        })) {
            var run = check("MARIADB 100 MB handshake", Engine.MARIADB, huge.port());

            assertThat(run.result().status()).isEqualTo(Status.DOWN);
            assertOneClearLine(run.result().error());
            assertThat(run.took()).isLessThan(TIMEOUT.multipliedBy(2));
            huge.awaitFirstScriptEnd(TIMEOUT);
            System.out.printf("hostile server bytesSentKiB=%d clientHungUp=%d%n", huge.bytesSent() / 1024,
                    huge.clientsThatHungUp());
        }
    }

    @Test
    void a_postgres_error_full_of_control_bytes_is_shown_as_printable_text() throws Exception {
        try (var garbled = HostileServer.raw((client, out) -> {
            postgresGreeting(client, out);
            var fields = new ByteArrayOutputStream();
            fields.writeBytes(ascii("SFATAL\0VFATAL\0C28P01\0M"));
            fields.writeBytes(CONTROL_BYTES);
            fields.writeBytes(ascii(" denied\0\0"));
            out.write(postgresMessage('E', fields.toByteArray()));
            out.flush();
        })) {
            var run = check("POSTGRESQL ErrorResponse with control bytes", Engine.POSTGRESQL, garbled.port());

            assertThat(run.result().status()).isEqualTo(Status.DOWN);
            assertOneClearLine(run.result().error());
            assertThat(run.result().error()).contains("owned").endsWith("denied");
        }
    }

    @Test
    void a_mariadb_error_full_of_control_bytes_is_shown_as_printable_text() throws Exception {
        try (var garbled = HostileServer.raw((client, out) -> {
            var error = new ByteArrayOutputStream();
            error.write(0xFF);
            error.write(0x15);
            error.write(0x04);
            error.writeBytes(ascii("#28000"));
            error.writeBytes(CONTROL_BYTES);
            error.writeBytes(" denied".getBytes(StandardCharsets.UTF_8));
            out.write(mysqlPacket(0, error.toByteArray()));
            out.flush();
            Thread.sleep(Duration.ofMinutes(1));
        })) {
            var run = check("MARIADB error packet with control bytes", Engine.MARIADB, garbled.port());

            assertThat(run.result().status()).isEqualTo(Status.DOWN);
            assertOneClearLine(run.result().error());
            assertThat(run.result().error()).contains("owned").endsWith("denied");
        }
    }
}
