package dev.topowatch.server.alerts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Who hears of which entity when a chat is named at the top level, by one project, or by two. */
class ProjectRoutingTest {

    /** Only its key matters here: routing never delivers. */
    private record Named(String key) implements Channel {
        // @formatter:off
        @Override public String displayName() { return key; }
        @Override public Set<AlertKind> wants() { return Set.of(AlertKind.DOWN); }
        @Override public boolean groups() { return false; }
        @Override public Duration pace() { return Duration.ZERO; }
        @Override public Delivery deliver(List<Alert> alerts, List<Long> ids) { throw new UnsupportedOperationException("never delivered"); }
        // @formatter:on
    }

    @Test
    void a_chat_named_at_the_top_level_hears_everything_and_one_named_by_two_projects_hears_both() {
        var projects = Map.of("shop_api", "shop", "blog", "blog", "wiki", "docs");
        var builder = new ProjectRouting.Builder()
                .everything(new Named("telegram:1"), Duration.ofSeconds(10))
                .project("shop", new Named("telegram:1"), Duration.ofSeconds(1))
                .project("shop", new Named("telegram:2"), Duration.ofSeconds(2))
                .project("blog", new Named("telegram:2"), Duration.ofSeconds(3))
                .project("docs", new Named("webhook:docs"), Duration.ofSeconds(4));
        var routing = builder.routing(entity -> projects.containsKey(entity) ? Set.of(projects.get(entity)) : Set.of());

        assertThat(builder.channels()).extracting(Channel::key).containsExactly("telegram:1", "telegram:2", "webhook:docs");
        assertThat(builder.groupWindow(new Named("telegram:1"))).as("the top level's window").isEqualTo(Duration.ofSeconds(10));
        assertThat(builder.groupWindow(new Named("telegram:2"))).as("the first project's").isEqualTo(Duration.ofSeconds(2));
        assertThat(routing.hears("telegram:1", "db")).isTrue();
        assertThat(routing.hears("telegram:1", null)).isTrue();
        assertThat(routing.hears("telegram:2", "shop_api")).isTrue();
        assertThat(routing.hears("telegram:2", "blog")).isTrue();
        assertThat(routing.hears("telegram:2", "wiki")).isFalse();
        assertThat(routing.hears("telegram:2", "db")).as("in no project").isFalse();
        assertThat(routing.hears("webhook:docs", null)).as("an invalid topology file is the board's to hear of").isFalse();
    }

    @Test
    void a_root_in_no_project_is_heard_of_by_the_projects_whose_entities_need_it() {
        var builder = new ProjectRouting.Builder().project("shop", new Named("telegram:2"), Duration.ofSeconds(1));
        var concerned = Map.of("db", Set.of("shop", "blog"), "cache", Set.of("blog"));
        var routing = builder.routing(entity -> concerned.getOrDefault(entity, Set.of()));

        assertThat(routing.hears("telegram:2", "db")).as("the shop's api needs it").isTrue();
        assertThat(routing.hears("telegram:2", "cache")).as("only the blog needs it").isFalse();
    }
}
