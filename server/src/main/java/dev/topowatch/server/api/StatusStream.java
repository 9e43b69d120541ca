package dev.topowatch.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.topowatch.server.engine.StatusEngine;
import dev.topowatch.server.store.StoreHealth;
import dev.topowatch.topology.EntityStatus;
import dev.topowatch.topology.StatusSnapshot;
import io.javalin.http.sse.SseClient;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * {@code /api/stream}: Server-Sent Events. A client gets a {@code snapshot} on connect, then
 * {@code update} events with the entities that changed, coalesced to at most one every
 * {@link #COALESCE}, and a {@code topology} event when the topology is replaced. Every event has an
 * id; a client reconnecting with {@code Last-Event-ID} gets what it missed from a bounded replay
 * buffer, or a fresh snapshot when it missed too much. Each client has its own queue and virtual
 * thread, so a slow client is dropped (and reconnects) instead of stalling the others.
 */
final class StatusStream implements AutoCloseable {
    static final Duration COALESCE = Duration.ofMillis(250);
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    static final int REPLAY = 512;

    /** One event as sent. */
    record Event(long id, String type, String data) {
    }

    private final StatusEngine engine;
    private final Supplier<TopologyInfo> topologyInfo;
    private final ObjectMapper json;
    private final Set<StreamSubscriber> subscribers = ConcurrentHashMap.newKeySet();
    /** Released when a client connects: with nobody listening the publisher sleeps until then. */
    private final Semaphore connected = new Semaphore(0);
    private final ArrayDeque<Event> recent = new ArrayDeque<>();
    private final Thread publisher;
    private long nextId = 1;
    private long seenVersion = -1;
    private long seenTopology = -1;
    private List<String> seenErrors = List.of();
    private String seenStoreError;
    private final Supplier<StoreHealth> storeHealth;
    private StatusSnapshot published;
    private volatile boolean running = true;

    StatusStream(StatusEngine engine, Supplier<TopologyInfo> topologyInfo, Supplier<StoreHealth> storeHealth, ObjectMapper json) {
        this.storeHealth = storeHealth;
        this.engine = engine;
        this.topologyInfo = topologyInfo;
        this.json = json;
        this.publisher = Thread.ofVirtual().name("sse-publisher").start(this::publishLoop);
    }

    /** Serves one client until it goes away. */
    void connect(SseClient client) {
        var lastEventId = client.ctx().header("Last-Event-ID");
        List<Event> backlog;
        synchronized (this) {
            backlog = replay(lastEventId);
            if (backlog == null) {
                backlog = List.of(snapshotEvent());
            }
        }
        var subscriber = new StreamSubscriber(client, backlog);
        subscribers.add(subscriber);
        connected.release();
        client.onClose(() -> subscribers.remove(subscriber));
        subscriber.start();
        client.keepAlive();
    }

    int clients() {
        return subscribers.size();
    }

    private void publishLoop() {
        long lastKeepAlive = System.nanoTime();
        while (running) {
            try {
                // With nobody listening there is nothing to diff (a client that connects gets a
                // snapshot) and nobody to keep alive: no wakeups until someone connects.
                if (subscribers.isEmpty()) {
                    connected.drainPermits();
                    if (subscribers.isEmpty()) {
                        connected.acquire();
                    }
                }
                Thread.sleep(COALESCE);
                if (!subscribers.isEmpty()) {
                    publishChanges();
                }
                if (System.nanoTime() - lastKeepAlive > KEEP_ALIVE.toNanos()) {
                    subscribers.forEach(StreamSubscriber::keepAlive);
                    lastKeepAlive = System.nanoTime();
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException unexpected) {
                // A bad event must not end the stream for everyone; the next round tries again.
                org.slf4j.LoggerFactory.getLogger(StatusStream.class).warn("stream publish failed error=\"{}\"", unexpected.toString());
            }
        }
    }

    /** Publishes what changed since the last round, if anything did. */
    synchronized void publishChanges() {
        var info = topologyInfo.get();
        var version = engine.version();
        if (info.version() != seenTopology && seenTopology >= 0) {
            seenTopology = info.version();
            broadcast(event("topology", Map.of("version", info.version())));
        }
        seenTopology = info.version();
        var store = storeHealth.get();
        boolean errorsChanged = !info.reloadErrors().equals(seenErrors) || !Objects.equals(store.lastError(), seenStoreError);
        seenErrors = info.reloadErrors();
        seenStoreError = store.lastError();
        if (version == seenVersion && !errorsChanged) {
            return;
        }
        seenVersion = version;
        var snapshot = engine.snapshot();
        var changed = new ArrayList<EntityStatus>();
        snapshot.entities().forEach((name, status) -> {
            if (published == null || !status.equals(published.entities().get(name))) {
                changed.add(status);
            }
        });
        var removed = published == null ? List.<String>of() : published.entities().keySet().stream()
                .filter(name -> !snapshot.entities().containsKey(name)).toList();
        published = snapshot;
        if (changed.isEmpty() && removed.isEmpty() && !errorsChanged) {
            return;
        }
        var payload = new LinkedHashMap<String, Object>();
        payload.put("summary", summary(snapshot));
        payload.put("entities", changed.stream().map(this::entityJson).toList());
        payload.put("removed", removed);
        broadcast(event("update", payload));
    }

    private Event snapshotEvent() {
        var snapshot = engine.snapshot();
        if (published == null) {
            published = snapshot;
            seenVersion = snapshot.version();
        }
        var payload = new LinkedHashMap<String, Object>();
        payload.put("summary", summary(snapshot));
        payload.put("entities", snapshot.entities().values().stream().map(this::entityJson).toList());
        payload.put("removed", List.of());
        // A snapshot is not replayable history: it takes the id of the newest event so that a
        // reconnect after it asks only for what came later.
        return new Event(nextId - 1, "snapshot", write(payload));
    }

    /** The events after {@code lastEventId}, or null when they are no longer all in the buffer. */
    private List<Event> replay(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        long last;
        try {
            last = Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException garbage) {
            return null;
        }
        if (last >= nextId) {
            return null;
        }
        var oldest = recent.isEmpty() ? nextId : recent.peekFirst().id();
        if (last < oldest - 1) {
            return null;
        }
        return recent.stream().filter(event -> event.id() > last).toList();
    }

    private Map<String, Object> summary(StatusSnapshot snapshot) {
        return SummaryController.summary(snapshot, engine.impact(), topologyInfo.get(), storeHealth.get(),
                engine.topology().board().title());
    }

    /** The streamed fields only ({@link EntityJson#STREAMED}): what a board redraws from. */
    private Map<String, Object> entityJson(EntityStatus status) {
        var entity = engine.topology().entities().get(status.name());
        return entity == null ? Map.of("name", status.name())
                : EntityJson.streamed(EntityJson.of(entity, status, List.of()));
    }

    private Event event(String type, Object payload) {
        var event = new Event(nextId++, type, write(payload));
        recent.addLast(event);
        while (recent.size() > REPLAY) {
            recent.removeFirst();
        }
        return event;
    }

    private void broadcast(Event event) {
        subscribers.forEach(subscriber -> subscriber.offer(event));
    }

    private String write(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("maps of plain values always serialise", impossible);
        }
    }

    @Override
    public void close() {
        running = false;
        publisher.interrupt();
        subscribers.forEach(StreamSubscriber::close);
    }
}
