package dev.topowatch.checkers;

import dev.topowatch.checkers.support.HostileServer;
import dev.topowatch.checkers.support.Measured;
import dev.topowatch.topology.EntityType;
import dev.topowatch.topology.Status;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;

import static dev.topowatch.checkers.support.Entities.tcp;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tcp} only proves that a connection opens: a server that accepts and then says nothing, or
 * resets at once, is up, and that is the truth it reports. What it must not do is wait past its
 * timeout for a listener that never completes the handshake.
 */
class HostileTcpTargetsTest {
    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    private static Measured check(String name, int port) {
        try (var checkers = Checkers.create(Clock.systemUTC())) {
            var checker = checkers.forType(EntityType.TCP).orElseThrow();
            return Measured.run(name, () -> checker.check(tcp("port", port, Duration.ofMinutes(1), TIMEOUT), TIMEOUT));
        }
    }

    @Test
    void a_listener_whose_backlog_is_full_is_down_with_a_timeout() throws Exception {
        // A server that stopped calling accept(): once its backlog is full, Linux drops new SYNs, so
        // connect() neither succeeds nor is refused.
        try (var stuck = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var fillers = new ArrayList<Socket>();
            try {
                for (int i = 0; i < 8; i++) {
                    var filler = new Socket();
                    fillers.add(filler);
                    try {
                        filler.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), stuck.getLocalPort()), 200);
                    } catch (java.io.IOException full) {
                        break;
                    }
                }
                var run = check("tcp backlog full, SYN dropped", stuck.getLocalPort());

                assertThat(run.result().status()).isEqualTo(Status.DOWN);
                assertThat(run.result().error()).isEqualTo("timeout after 1500 ms");
                assertThat(run.took()).isBetween(TIMEOUT.minusMillis(100), TIMEOUT.multipliedBy(2));
            } finally {
                for (var filler : fillers) {
                    filler.close();
                }
            }
        }
    }

    @Test
    void a_server_that_accepts_and_never_answers_is_up_since_the_port_is_open() throws Exception {
        try (var silent = HostileServer.raw((client, out) -> Thread.sleep(Duration.ofMinutes(1)))) {
            var run = check("tcp accepts, never answers", silent.port());

            assertThat(run.result().status()).isEqualTo(Status.UP);
            assertThat(run.took()).isLessThan(TIMEOUT);
        }
    }

    @Test
    void a_server_that_resets_right_after_accepting_is_up_since_the_connection_opened() throws Exception {
        // 100 ms after accepting, so that connect() has returned: a RST that arrives even sooner (on
        // loopback, within microseconds) is seen by connect() itself and reads as down, "connection reset".
        try (var resetting = HostileServer.raw((client, out) -> {
            Thread.sleep(100);
            client.setSoLinger(true, 0);
            client.close();
        })) {
            var run = check("tcp accepts, resets after 100 ms", resetting.port());

            assertThat(run.result().status()).isEqualTo(Status.UP);
            assertThat(run.took()).isLessThan(TIMEOUT);
        }
    }

    @Test
    void a_server_that_resets_at_once_is_up_or_connection_reset_by_the_race_never_an_exception() throws Exception {
        try (var resetting = HostileServer.raw((client, out) -> {
            client.setSoLinger(true, 0);
            client.close();
        })) {
            var run = check("tcp accepts, resets at once", resetting.port());

            // Either way one clear line, never an exception's name; which one depends on the race.
            assertThat(run.result().error()).isIn(null, "connection reset");
            assertThat(run.took()).isLessThan(TIMEOUT);
        }
    }
}
