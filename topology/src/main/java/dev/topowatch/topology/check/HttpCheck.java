package dev.topowatch.topology.check;

import dev.topowatch.topology.ConfigText;

import java.util.Map;

/**
 * An HTTP API ({@code type: api}, alias {@code http}).
 *
 * @param body    the request body, or null
 * @param capture extra key to the JSON pointer whose value is copied into {@code extra}
 */
public record HttpCheck(ConfigText url, String method, Map<String, ConfigText> headers, ConfigText body,
                        boolean followRedirects, boolean insecure, HttpExpectation expect,
                        Map<String, String> capture) implements CheckSpec {

    public HttpCheck {
        headers = Map.copyOf(headers);
        capture = Map.copyOf(capture);
    }
}
