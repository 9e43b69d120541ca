package dev.topowatch.topology.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.topowatch.topology.ConfigText;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What an {@code api} response must look like. Hard expectations fail the check ({@code down});
 * {@code maxLatency} and {@code certificateDays} are soft ({@code degraded}).
 *
 * @param bodyContains    may be null
 * @param bodyRegex       a valid regular expression, or null
 * @param json            JSON pointer to the value expected there
 * @param maxLatency      may be null
 * @param certificateDays minimum days left on the certificate, or null
 */
public record HttpExpectation(List<StatusPattern> status, ConfigText bodyContains, String bodyRegex,
                              Map<String, JsonNode> json, Duration maxLatency, Integer certificateDays) {

    public static final HttpExpectation DEFAULT =
            new HttpExpectation(List.of(StatusPattern.ofClass(2)), null, null, Map.of(), null, null);

    public HttpExpectation {
        status = List.copyOf(status);
        json = Map.copyOf(json);
    }
}
