package dev.topowatch.server.api;

import dev.topowatch.server.engine.StatusEngine;
import dev.topowatch.topology.Entity;
import dev.topowatch.topology.EntityStatus;
import dev.topowatch.topology.Status;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.BiConsumer;

/**
 * {@code /metrics} in the Prometheus text format, through the official client: per-entity series
 * read from the status snapshot at scrape time (callbacks, so nothing is kept twice), plus the
 * JVM's and the process's own metrics.
 */
final class BoardMetrics {
    /** {@code project} is empty for an entity of none, as {@code server} is: a label is always present, never absent. */
    private static final String[] LABELS = {"entity", "type", "server", "project"};
    /** The codes, in the order of {@link Status}: written into the HELP so that a dashboard can map them. */
    static final String STATUS_CODE_HELP = "the entity's status as a number: 0 up, 1 degraded, 2 down, 3 blocked, 4 unknown, 5 maintenance";

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final StatusEngine engine;

    BoardMetrics(StatusEngine engine) {
        this.engine = engine;
        JvmMetrics.builder().register(registry);
        GaugeWithCallback.builder().name("topowatch_entity_up")
                .help("1 when the entity is up or degraded, else 0")
                .labelNames(LABELS)
                .callback(callback -> each((entity, status) -> callback.call(
                        status.status() == Status.UP || status.status() == Status.DEGRADED ? 1 : 0, labels(entity))))
                .register(registry);
        // One series per entity with the status as a number, not one per entity and status: at
        // 10,000 entities the six-series state set alone was 60,000 series. The totals per status
        // are their own small metric.
        GaugeWithCallback.builder().name("topowatch_entity_status_code")
                .help(STATUS_CODE_HELP)
                .labelNames(LABELS)
                .callback(callback -> each((entity, status) -> callback.call(code(status.status()), labels(entity))))
                .register(registry);
        GaugeWithCallback.builder().name("topowatch_entities")
                .help("how many entities are in each status")
                .labelNames("status")
                .callback(callback -> {
                    var counts = new java.util.EnumMap<Status, Integer>(Status.class);
                    each((entity, status) -> counts.merge(status.status(), 1, Integer::sum));
                    for (var status : Status.values()) {
                        callback.call(counts.getOrDefault(status, 0), status.wireName());
                    }
                })
                .register(registry);
        GaugeWithCallback.builder().name("topowatch_entity_blocked")
                .help("1 when the entity is a casualty of a down dependency, else 0")
                .labelNames(LABELS)
                .callback(callback -> each((entity, status) -> callback.call(status.status() == Status.BLOCKED ? 1 : 0, labels(entity))))
                .register(registry);
        GaugeWithCallback.builder().name("topowatch_check_latency_seconds")
                .help("latency of the entity's last check")
                .unit(Unit.SECONDS)
                .labelNames(LABELS)
                .callback(callback -> each((entity, status) -> {
                    if (status.latency() != null) {
                        callback.call(status.latency().toNanos() / 1e9, labels(entity));
                    }
                }))
                .register(registry);
        CounterWithCallback.builder().name("topowatch_checks")
                .help("checks of the entity by result: success, failure (its own), blocked (a dependency was down)")
                .labelNames("entity", "type", "server", "project", "result")
                .callback(callback -> each((entity, status) -> {
                    callback.call(status.successCount(), withResult(entity, "success"));
                    callback.call(status.failCount(), withResult(entity, "failure"));
                    callback.call(status.blockedCount(), withResult(entity, "blocked"));
                }))
                .register(registry);
    }

    void scrape(Context context) throws IOException {
        var body = new ByteArrayOutputStream();
        writer.write(body, registry.scrape());
        context.contentType(writer.getContentType()).result(body.toByteArray());
    }

    private void each(BiConsumer<Entity, EntityStatus> action) {
        var topology = engine.topology();
        var snapshot = engine.snapshot();
        topology.entities().values().forEach(entity -> action.accept(entity, snapshot.of(entity.name())));
    }

    /** The status's code, as {@link #STATUS_CODE_HELP} lists them. */
    static int code(Status status) {
        return status.ordinal();
    }

    private static String[] labels(Entity entity) {
        return new String[] {entity.name(), entity.type().yamlName(), server(entity), entity.project() == null ? "" : entity.project()};
    }

    private static String[] withResult(Entity entity, String result) {
        var labels = labels(entity);
        var all = java.util.Arrays.copyOf(labels, labels.length + 1);
        all[labels.length] = result;
        return all;
    }

    private static String server(Entity entity) {
        return entity.server() == null ? "" : entity.server();
    }
}
