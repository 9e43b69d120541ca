package dev.topowatch.server.alerts;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A channel is a package under {@code alerts/} and one line in {@link Channels}: no package forgotten, none twice. */
class ChannelPackagesTest {
    static final Path ALERTS = Path.of("src/main/java/dev/topowatch/server/alerts");

    @Test
    void every_channel_package_is_registered_exactly_once_and_every_registration_is_a_package() throws IOException {
        assertThat(ALERTS).as("run from the server module").isDirectory();
        try (var entries = Files.list(ALERTS)) {
            var packages = entries.filter(Files::isDirectory).map(path -> Channels.class.getPackageName() + "." + path.getFileName()).sorted().toList();
            var registered = Channels.ALL.stream().map(type -> type.getClass().getPackageName())
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

            assertThat(packages).isNotEmpty();
            for (var name : packages) {
                assertThat(registered.get(name)).as("registrations of the channel package %s in Channels.ALL", name).isEqualTo(1L);
            }
            assertThat(registered.keySet()).as("every registered type lives in a channel package of its own").containsExactlyInAnyOrderElementsOf(packages);
        }
    }

    @Test
    void each_channel_has_its_own_key_under_alerts() {
        var keys = Channels.ALL.stream().map(ChannelType::key).toList();

        assertThat(keys).doesNotHaveDuplicates().doesNotContain("group_window").containsExactlyInAnyOrder(
                "telegram", "webhooks", "slack", "discord", "email");
    }
}
