package dev.topowatch.server.alerts;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One JSON POST to a webhook of some kind, told as a {@link Delivery}: a 2xx is delivered, anything
 * else is retried, after the time a 429's {@code Retry-After} asks when it gives one. The error never
 * holds the URL: for Slack and Discord the URL is the secret.
 */
public final class JsonPost {
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(1);

    private JsonPost() {
    }

    /** @param what the channel's name in errors, such as {@code slack} */
    public static Delivery send(OkHttpClient http, String url, byte[] body, Map<String, String> headers, String what) {
        var request = new Request.Builder().url(url).header("User-Agent", "topowatch").post(RequestBody.create(body, JSON_TYPE));
        headers.forEach(request::header);
        try (var response = http.newCall(request.build()).execute()) {
            if (response.isSuccessful()) {
                return new Delivery.Delivered(List.of());
            }
            var after = response.code() == 429 ? retryAfter(response) : Optional.<Duration>empty();
            return new Delivery.Retry(what + " answered " + response.code(), after.orElse(null));
        } catch (IOException | RuntimeException failed) {
            // OkHttp's messages name the host at most, never the path that holds a token.
            return new Delivery.Retry(what + ": " + failed.getClass().getSimpleName() + ": " + failed.getMessage(), null);
        }
    }

    /** {@code Retry-After: 30} in seconds (fractions, as Discord writes them, rounded up), bounded. */
    static Optional<Duration> retryAfter(Response response) {
        var header = response.header("Retry-After");
        if (header == null) {
            return Optional.empty();
        }
        try {
            var millis = (long) Math.ceil(Double.parseDouble(header.strip()) * 1000);
            if (millis < 0) {
                return Optional.empty();
            }
            var wait = Duration.ofMillis(millis);
            return Optional.of(wait.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : wait);
        } catch (NumberFormatException httpDate) {
            return Optional.empty();
        }
    }
}
