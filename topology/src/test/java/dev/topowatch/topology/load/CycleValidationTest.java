package dev.topowatch.topology.load;

import dev.topowatch.topology.Problem;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CycleValidationTest {

    private static LoadResult load(String yaml) {
        return new TopologyLoader(Map.of()).parse(yaml, Path.of("topology.yaml"));
    }

    @Test
    void a_cycle_is_named_in_order_at_the_reference_that_starts_it() {
        var result = load("""
                entities:
                  api: {type: tcp, host: 127.0.0.1, port: 1, depends_on: [worker]}
                  worker: {type: tcp, host: 127.0.0.1, port: 2, depends_on: [queue]}
                  queue: {type: tcp, host: 127.0.0.1, port: 3, depends_on: [api]}
                """);

        assertThat(result.errors()).extracting(Problem::positioned).containsExactly(
                "2:59: entity 'api' (tcp): dependency cycle: api -> worker -> queue -> api");
    }

    @Test
    void a_cycle_through_a_server_and_an_any_of_is_found() {
        var result = load("""
                entities:
                  host: {type: server, host: 127.0.0.1, depends_on: [{any_of: [db, db2]}]}
                  db: {type: tcp, host: 127.0.0.1, port: 1, server: host}
                  db2: {type: tcp, host: 127.0.0.1, port: 2, server: host}
                """);

        assertThat(result.errors()).extracting(Problem::positioned)
                .anySatisfy(error -> assertThat(error).contains("dependency cycle: db -> host -> db"));
    }

    @Test
    void depending_on_itself_is_an_error() {
        var result = load("""
                entities:
                  api: {type: tcp, host: 127.0.0.1, port: 1, depends_on: [api]}
                """);

        assertThat(result.errors()).extracting(Problem::positioned)
                .containsExactly("2:59: entity 'api' (tcp): it depends on itself");
    }

    @Test
    void a_group_containing_itself_is_an_error() {
        var result = load("""
                entities:
                  api: {type: tcp, host: 127.0.0.1, port: 1}
                  shop:
                    type: group
                    members: [api, shop]
                """);

        assertThat(result.errors()).extracting(Problem::positioned)
                .containsExactly("5:20: entity 'shop' (group): the group contains itself");
    }

    @Test
    void a_diamond_is_not_a_cycle() {
        var result = load("""
                entities:
                  db: {type: tcp, host: 127.0.0.1, port: 1}
                  left: {type: tcp, host: 127.0.0.1, port: 2, depends_on: [db]}
                  right: {type: tcp, host: 127.0.0.1, port: 3, depends_on: [db]}
                  top: {type: tcp, host: 127.0.0.1, port: 4, depends_on: [left, right]}
                """);

        assertThat(result.errors()).isEmpty();
    }
}
