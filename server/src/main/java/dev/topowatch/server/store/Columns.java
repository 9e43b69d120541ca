package dev.topowatch.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.topowatch.topology.Status;

import java.util.List;
import java.util.Locale;

/** How values are kept in the database's columns: statuses by wire name, lists of names as JSON. */
final class Columns {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Columns() {
    }

    static Status status(String name) {
        return Status.valueOf(name.toUpperCase(Locale.ROOT));
    }

    static String json(List<String> names) {
        try {
            return JSON.writeValueAsString(names);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static List<String> strings(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException corrupt) {
            return List.of();
        }
    }
}
