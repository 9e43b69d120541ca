package dev.topowatch.server.api;

import dev.topowatch.topology.load.Suggestions;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How much of {@code /api/entities} one answer holds: {@code ?limit=} entities at most, from after
 * {@code ?cursor=} (the {@code next} link of the page before), with only {@code ?fields=}. The body
 * stays a plain array, as scripts expect; the next page is in a {@code Link: <...>; rel="next"} header.
 *
 * @param after  the last name of the page before, or null for the first page
 * @param fields the fields to keep, or null for all
 */
record EntityPage(int limit, String after, Set<String> fields) {
    static final int MAX_LIMIT = 10_000;

    static EntityPage of(Context context) {
        int limit = EntitiesController.integer(context, "limit", MAX_LIMIT, 1, MAX_LIMIT);
        var cursor = context.queryParam("cursor");
        String after = null;
        if (cursor != null) {
            try {
                after = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException garbage) {
                throw ApiError.badRequest("'cursor' is not one this board gave: use the next link of the page before");
            }
        }
        return new EntityPage(limit, after, fields(context.queryParam("fields")));
    }

    /** {@code name,status}: known fields only, a misspelt one named with its likely meaning. */
    private static Set<String> fields(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var fields = new LinkedHashSet<String>();
        fields.add("name");
        for (var field : text.split(",")) {
            var wanted = field.strip();
            if (!EntityJson.FIELDS.contains(wanted)) {
                var hint = Suggestions.closest(wanted, EntityJson.FIELDS).map(known -> " (did you mean '" + known + "'?)").orElse("");
                throw ApiError.badRequest("unknown field '" + wanted + "' in 'fields'" + hint + "; known: " + String.join(", ", EntityJson.FIELDS));
            }
            fields.add(wanted);
        }
        return fields;
    }

    /** This page of {@code names} (sorted), and the cursor of the next, if there is one. */
    <T> List<T> cut(List<T> sorted, java.util.function.Function<T, String> name, Context context) {
        var page = new ArrayList<T>(Math.min(limit, sorted.size()));
        boolean more = false;
        for (var item : sorted) {
            if (after != null && name.apply(item).compareTo(after) <= 0) {
                continue;
            }
            if (page.size() == limit) {
                more = true;
                break;
            }
            page.add(item);
        }
        context.header("X-Total-Count", String.valueOf(sorted.size()));
        if (more) {
            var next = Base64.getUrlEncoder().withoutPadding().encodeToString(name.apply(page.getLast()).getBytes(StandardCharsets.UTF_8));
            var query = new StringBuilder("limit=").append(limit).append("&cursor=").append(next);
            for (var kept : List.of("status", "server", "type", "fields")) {
                var value = context.queryParam(kept);
                if (value != null) {
                    query.append('&').append(kept).append('=').append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
                }
            }
            context.header("Link", "</api/entities?" + query + ">; rel=\"next\"");
        }
        return page;
    }
}
