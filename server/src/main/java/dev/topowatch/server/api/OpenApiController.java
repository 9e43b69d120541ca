package dev.topowatch.server.api;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.UncheckedIOException;

/** {@code /openapi.json}: the API described, from a checked-in document that a test holds to the real routes. */
final class OpenApiController {
    private final byte[] document;

    OpenApiController() {
        try (var input = OpenApiController.class.getResourceAsStream("/topowatch/openapi.json")) {
            if (input == null) {
                throw new IllegalStateException("openapi.json is missing from the jar");
            }
            document = input.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    void document(Context context) {
        context.contentType("application/json").result(document);
    }
}
