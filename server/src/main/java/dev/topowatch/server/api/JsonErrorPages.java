package dev.topowatch.server.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.topowatch.topology.load.Printable;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The answers Jetty gives by itself, before a request reaches the board's routes (a malformed request
 * 400, a URI too long 414, headers too large 431, a body too large 413): in the API's JSON shape,
 * {@code {"error": ..., "detail": ...}}, with the security headers, instead of Jetty's HTML page.
 * Nothing of the request is echoed back.
 */
final class JsonErrorPages extends ErrorHandler {
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(400, "bad_request"), Map.entry(404, "not_found"), Map.entry(405, "method_not_allowed"),
            Map.entry(408, "request_timeout"), Map.entry(413, "too_large"), Map.entry(414, "uri_too_long"),
            Map.entry(431, "headers_too_large"), Map.entry(500, "internal"), Map.entry(503, "unavailable"),
            Map.entry(505, "http_version_not_supported"));

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        SecurityHeaders.HEADERS.forEach(response.getHeaders()::put);
        response.write(true, body(code, message), callback);
    }

    /** A malformed request that never became one (its request line or headers could not be read). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        SecurityHeaders.HEADERS.forEach(fields::put);
        return body(status, reason);
    }

    static ByteBuffer body(int status, String reason) {
        var body = JsonNodeFactory.instance.objectNode()
                .put("error", NAMES.getOrDefault(status, "http_" + status))
                .put("detail", detail(status, reason));
        return ByteBuffer.wrap(body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Jetty's reason when it has one (it never contains the request), else the status's own words. */
    private static String detail(int status, String reason) {
        var standard = HttpStatus.getMessage(status);
        return reason == null || reason.isBlank() ? standard : Printable.line(reason);
    }
}
