package dev.topowatch.checkers;

import dev.topowatch.checkers.command.CommandChecker;
import dev.topowatch.checkers.database.DatabaseChecker;
import dev.topowatch.checkers.dns.DnsChecker;
import dev.topowatch.checkers.heartbeat.HeartbeatChecker;
import dev.topowatch.checkers.heartbeat.HeartbeatRegistry;
import dev.topowatch.checkers.http.HttpChecker;
import dev.topowatch.checkers.internal.Guarded;
import dev.topowatch.checkers.ping.PingChecker;
import dev.topowatch.checkers.redis.RedisChecker;
import dev.topowatch.checkers.server.ServerChecker;
import dev.topowatch.checkers.tcp.TcpChecker;
import dev.topowatch.topology.EntityType;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Every {@link Checker}, one per entity type, in one map, built from the resources they share: one
 * OkHttp client (one connection pool), one clock, one heartbeat registry. A new kind of entity is a new
 * package and one line in {@link #create}. {@code group} has no entry: it is derived, not probed.
 * Every checker in the map is guarded, so that it keeps the promise never to throw.
 */
public final class Checkers implements AutoCloseable {
    private final Map<EntityType, Checker> byType;
    private final OkHttpClient http;
    private final HeartbeatRegistry heartbeats;
    private final Clock clock;

    private Checkers(Map<EntityType, Checker> byType, OkHttpClient http, HeartbeatRegistry heartbeats, Clock clock) {
        var guarded = new EnumMap<EntityType, Checker>(EntityType.class);
        byType.forEach((type, checker) -> guarded.put(type, Guarded.wrap(checker, clock)));
        this.byType = Map.copyOf(guarded);
        this.http = http;
        this.heartbeats = heartbeats;
        this.clock = clock;
    }

    /** The standard checkers, with a new shared HTTP client. */
    public static Checkers create(Clock clock) {
        return create(clock, newHttpClient());
    }

    /**
     * The standard checkers around {@code http}, e.g. a client that also trusts a private certificate
     * authority. Its connection pool is shared by every {@code api} check.
     */
    public static Checkers create(Clock clock, OkHttpClient http) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(http, "http");
        var heartbeats = new HeartbeatRegistry(clock);
        var ping = new PingChecker(clock);
        var tcp = new TcpChecker(clock);
        Map<EntityType, Checker> byType = Map.of(
                EntityType.SERVER, new ServerChecker(clock, ping, tcp),
                EntityType.API, new HttpChecker(http, clock),
                EntityType.PING, ping,
                EntityType.TCP, tcp,
                EntityType.DNS, new DnsChecker(clock),
                EntityType.DATABASE, new DatabaseChecker(clock),
                EntityType.REDIS, new RedisChecker(clock),
                EntityType.COMMAND, new CommandChecker(clock),
                EntityType.HEARTBEAT, new HeartbeatChecker(heartbeats, clock));
        return new Checkers(byType, http, heartbeats, clock);
    }

    /**
     * The shared client: pooled connections, kept a while so that frequent checks reuse them. Without
     * fast fallback (happy eyeballs), which connects on OkHttp's own pool of platform threads, one per
     * call connecting: against thousands of targets that hang, thousands of platform threads and their
     * stacks (1.2 GB at 10,000 entities). Without it the probe's virtual thread connects itself.
     */
    public static OkHttpClient newHttpClient() {
        return new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(64, 2, TimeUnit.MINUTES))
                .fastFallback(false)
                .build();
    }

    /** A copy with {@code checker} for {@code type}, added or replacing the one there. */
    public Checkers with(EntityType type, Checker checker) {
        var more = new EnumMap<EntityType, Checker>(EntityType.class);
        more.putAll(byType);
        more.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(checker, "checker"));
        return new Checkers(more, http, heartbeats, clock);
    }

    /** Entity type to its (guarded) checker; unmodifiable. */
    public Map<EntityType, Checker> asMap() {
        return byType;
    }

    public Optional<Checker> forType(EntityType type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** Where the server records heartbeat pushes. */
    public HeartbeatRegistry heartbeats() {
        return heartbeats;
    }

    public OkHttpClient httpClient() {
        return http;
    }

    public Clock clock() {
        return clock;
    }

    /** Closes the pooled connections and stops OkHttp's threads. */
    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
