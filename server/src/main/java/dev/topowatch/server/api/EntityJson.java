package dev.topowatch.server.api;

import dev.topowatch.topology.Entity;
import dev.topowatch.topology.EntityStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entity as JSON, in the shape DESIGN.md gives: the fields of the original pet project first,
 * so that existing scripts keep working, then what is needed to act on it. Field order is fixed.
 */
public final class EntityJson {
    /**
     * Every field, in the order written. {@code members} is a group's only; {@code uptime} is in the
     * answer about one entity only (it reads the history, which a list of thousands should not).
     */
    public static final List<String> FIELDS = List.of("name", "type", "server", "runtime", "interval", "lastcheck", "status", "since",
            "success_count", "fail_count", "success_ratio", "latency_ms", "last_error", "blocked_count", "flapping", "dependencies",
            "root_cause", "blocked_by", "extra", "dependents", "timeout", "critical", "alerts", "description", "link",
            "project", "tags", "members", "uptime", "extra_at", "extra_stale");
    /**
     * What the live stream sends of each entity: what a status board redraws from. The rest (counts,
     * dependencies, settings) is one {@code GET /api/entities/NAME} away, and at 10,000 entities would
     * multiply the stream's snapshot several times over.
     */
    public static final List<String> STREAMED = List.of("name", "status", "since", "success_ratio", "latency_ms", "last_error",
            "flapping", "root_cause", "extra", "runtime");

    private EntityJson() {
    }

    /** Only {@code fields} of {@code json}, in its order. */
    public static Map<String, Object> only(Map<String, Object> json, Collection<String> fields) {
        var trimmed = new LinkedHashMap<String, Object>();
        json.forEach((field, value) -> {
            if (fields.contains(field)) {
                trimmed.put(field, value);
            }
        });
        return trimmed;
    }

    /** The streamed fields, leaving out those with nothing to say (null, empty lists and maps, false). */
    public static Map<String, Object> streamed(Map<String, Object> json) {
        var compact = new LinkedHashMap<String, Object>();
        json.forEach((field, value) -> {
            boolean empty = value == null || Boolean.FALSE.equals(value) || value instanceof Collection<?> list && list.isEmpty()
                    || value instanceof Map<?, ?> map && map.isEmpty();
            if (STREAMED.contains(field) && !empty) {
                compact.put(field, value);
            }
        });
        return compact;
    }

    public static Map<String, Object> of(Entity entity, EntityStatus status, Collection<String> dependents) {
        var json = new LinkedHashMap<String, Object>();
        json.put("name", entity.name());
        json.put("type", entity.type().yamlName());
        json.put("server", entity.server());
        json.put("runtime", entity.runtime());
        json.put("interval", seconds(entity.interval()));
        json.put("lastcheck", timestamp(status.lastCheck()));
        json.put("status", status.status().wireName());
        json.put("since", timestamp(status.since()));
        json.put("success_count", status.successCount());
        json.put("fail_count", status.failCount());
        json.put("success_ratio", status.successRatio() == null ? null
                : BigDecimal.valueOf(status.successRatio()).setScale(4, RoundingMode.HALF_EVEN));
        json.put("latency_ms", status.latency() == null ? null : status.latency().toMillis());
        json.put("last_error", status.lastError());
        json.put("blocked_count", status.blockedCount());
        json.put("flapping", status.flapping());
        json.put("dependencies", dependencies(entity));
        json.put("root_cause", status.rootCause());
        json.put("blocked_by", status.blockedBy());
        json.put("extra", status.extra());
        json.put("dependents", List.copyOf(dependents));
        json.put("timeout", seconds(entity.timeout()));
        json.put("critical", entity.critical());
        json.put("alerts", entity.alerts());
        json.put("description", entity.description() == null ? null : entity.description().toString());
        json.put("link", entity.link() == null ? null : entity.link().toString());
        json.put("project", entity.project());
        json.put("tags", entity.tags());
        return json;
    }

    /** The {@code depends_on} names, redundant sets flattened: what the original field listed. */
    private static List<String> dependencies(Entity entity) {
        return entity.dependsOn().stream().flatMap(dependency -> dependency.names().stream()).distinct().toList();
    }

    /** Seconds as a plain number: whole when whole (900), else with the milliseconds (0.5). */
    static Number seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? (Number) duration.toSeconds()
                : BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros();
    }

    /** ISO-8601 in UTC to the second, as the original API wrote it: {@code 2026-03-03T06:37:24Z}. */
    static String timestamp(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
