package dev.topowatch.packaging;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Debian package's maintainer scripts, run by {@code sh} as dpkg runs them, on a root of their own
 * ({@code DPKG_ROOT}, which {@code dpkg --root} sets) and with the commands that would change this
 * machine (users, systemd, ownership) replaced by ones that write down how they were called.
 */
class MaintainerScriptsTest {
    private static final Path SCRIPTS = Path.of("debian");
    private static final List<String> RECORDED = List.of("adduser", "deluser", "delgroup", "getent", "chown", "chmod",
            "dpkg-statoverride", "systemctl");

    @TempDir
    Path directory;

    private Path root;
    private Path calls;
    private Path bin;

    @BeforeEach
    void fakeSystem() throws Exception {
        root = Files.createDirectories(directory.resolve("root"));
        Files.createDirectories(root.resolve("run/systemd/system"));
        Files.createDirectories(root.resolve("etc/topowatch"));
        Files.writeString(root.resolve("etc/topowatch/topology.yaml"), "entities: {}\n");
        calls = directory.resolve("calls");
        Files.createFile(calls);
        bin = Files.createDirectories(directory.resolve("bin"));
        for (var command : RECORDED) {
            // getent answers as the test says whether the user exists; dpkg-statoverride knows no override.
            var exit = switch (command) {
                case "getent" -> "${KNOWN:-2}";
                case "dpkg-statoverride" -> "1";
                default -> "0";
            };
            var stub = bin.resolve(command);
            Files.writeString(stub, "#!/bin/sh\necho \"" + command + " $*\" >> \"$CALLS\"\nexit " + exit + "\n");
            stub.toFile().setExecutable(true);
        }
    }

    private List<String> run(String script, String... arguments) throws Exception {
        return run(false, script, arguments);
    }

    private List<String> run(boolean userExists, String script, String... arguments) throws Exception {
        var command = new java.util.ArrayList<>(List.of("sh", SCRIPTS.resolve(script).toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        var environment = new HashMap<String, String>(Map.of("DPKG_ROOT", root.toString(), "CALLS", calls.toString(),
                "PATH", bin + ":/usr/bin:/bin"));
        if (userExists) {
            environment.put("KNOWN", "0");
        }
        var result = Commands.run(command, directory, environment);
        assertThat(result.exit()).as(result.output()).isZero();
        var made = Files.readAllLines(calls);
        Files.writeString(calls, "");
        return made;
    }

    @Test
    void a_first_install_makes_the_system_user_hides_the_topology_from_other_users_and_enables_and_starts_the_service() throws Exception {
        var topology = root.resolve("etc/topowatch/topology.yaml");
        assertThat(run("postinst", "configure", "")).containsExactly(
                "getent passwd topowatch",
                "adduser --system --group --home /var/lib/topowatch --no-create-home --quiet topowatch",
                "dpkg-statoverride --list /etc/topowatch/topology.yaml",
                "chown root:topowatch " + topology,
                "chmod 0640 " + topology,
                "systemctl enable topowatch.service",
                "systemctl daemon-reload",
                "systemctl start topowatch.service");
    }

    @Test
    void an_upgrade_keeps_the_user_and_whether_the_service_is_enabled_and_restarts_it_if_it_runs() throws Exception {
        assertThat(run(true, "prerm", "upgrade", "0.2.0")).as("runs on while the files are replaced").isEmpty();
        assertThat(run(true, "postinst", "configure", "0.1.0"))
                .doesNotContain("systemctl enable topowatch.service")
                .noneMatch(call -> call.startsWith("adduser"))
                .endsWith("systemctl daemon-reload", "systemctl try-restart topowatch.service");
    }

    @Test
    void without_a_running_systemd_the_service_is_enabled_for_the_next_boot_and_not_started() throws Exception {
        Files.delete(root.resolve("run/systemd/system"));
        assertThat(run("postinst", "configure", "")).contains("systemctl enable topowatch.service")
                .noneMatch(call -> call.startsWith("systemctl start") || call.startsWith("systemctl daemon-reload"));
    }

    @Test
    void removing_stops_the_service_and_keeps_the_user_and_the_database_and_only_a_purge_removes_them() throws Exception {
        var state = Files.createDirectories(root.resolve("var/lib/topowatch"));
        Files.writeString(state.resolve("topowatch.db"), "history");
        var enabled = Files.createDirectories(root.resolve("etc/systemd/system/multi-user.target.wants")).resolve("topowatch.service");
        Files.createSymbolicLink(enabled, Path.of("/usr/lib/systemd/system/topowatch.service"));

        assertThat(run(true, "prerm", "remove")).containsExactly("systemctl stop topowatch.service");
        assertThat(run(true, "postrm", "remove")).containsExactly("systemctl daemon-reload");
        assertThat(state.resolve("topowatch.db")).hasContent("history");

        assertThat(run(true, "postrm", "purge")).containsExactly(
                "getent passwd topowatch", "deluser --system --quiet topowatch",
                "getent group topowatch", "delgroup --system --quiet topowatch",
                "systemctl daemon-reload");
        assertThat(state).doesNotExist();
        assertThat(Files.exists(enabled, java.nio.file.LinkOption.NOFOLLOW_LINKS)).as("no link left to a unit that is gone").isFalse();
    }
}
