package dev.topowatch.packaging;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code build.sh}, as {@code ./topowatch package} runs it, on the server's jar: the tarball runs on its
 * own runtime with no JDK on the machine, and the Debian package holds what it should where it should,
 * with a unit that systemd accepts. Tagged, so that {@code -DexcludedGroups=packaging} leaves it out
 * of a local run; CI runs it.
 */
@Tag("packaging")
class PackagesTest {
    private static final Path JAR = Path.of("..", "server", "target", "topowatch.jar").toAbsolutePath().normalize();
    /** What the launcher runs besides the runtime: a PATH of these alone holds no java. */
    private static final List<String> LAUNCHER_TOOLS = List.of("readlink", "dirname", "sed", "tr");

    @TempDir
    static Path directory;

    private static Path tarball;
    private static Path deb;
    private static String version;
    /** The tarball, unpacked. */
    private static Path home;
    /** What jdeps says the jar needs: it takes as long as the build, so it runs beside it. */
    private static CompletableFuture<Commands.Result> jdeps;

    @BeforeAll
    static void build() throws Exception {
        Commands.need("dpkg-deb", "Debian's dpkg");
        Commands.need("tar", "Debian's tar");
        if (!Files.isRegularFile(JAR)) {
            assertThat(System.getenv("CI")).as("%s is missing: ./topowatch test (mvnw verify) packages the server first", JAR).isNotEqualTo("true");
            assumeTrue(false, JAR + " is not built: run with -am verify, or ./topowatch package first");
        }
        jdeps = CompletableFuture.supplyAsync(() -> {
            try {
                return Commands.run(Path.of(System.getProperty("java.home"), "bin", "jdeps").toString(),
                        "--print-module-deps", "--ignore-missing-deps", "--multi-release", "21", JAR.toString());
            } catch (IOException | InterruptedException failed) {
                throw new IllegalStateException(failed);
            }
        });
        var out = Files.createDirectories(directory.resolve("out"));
        long started = System.nanoTime();
        var built = Commands.run(List.of("./build.sh", JAR.toString(), out.toString()), Path.of("."),
                Map.of("JAVA_HOME", System.getProperty("java.home")));
        assertThat(built.exit()).as(built.output()).isZero();
        System.out.printf("build.sh took %d s:%n%s", (System.nanoTime() - started) / 1_000_000_000, built.output());
        try (var files = Files.list(out)) {
            var made = files.map(Path::getFileName).map(Path::toString).sorted().toList();
            assertThat(made).as("the two artifacts and nothing left behind").hasSize(2);
            tarball = out.resolve(made.stream().filter(name -> name.endsWith("-linux-x64.tar.gz")).findFirst().orElseThrow());
            deb = out.resolve(made.stream().filter(name -> name.endsWith("_amd64.deb")).findFirst().orElseThrow());
        }
        var name = tarball.getFileName().toString();
        version = name.substring("topowatch-".length(), name.length() - "-linux-x64.tar.gz".length());
        assertThat(version).matches("\\d+\\.\\d+\\.\\d+.*");
        var unpacked = Files.createDirectories(directory.resolve("unpacked"));
        var untar = Commands.run(List.of("tar", "-xzf", tarball.toString()), unpacked, Map.of());
        assertThat(untar.exit()).as(untar.output()).isZero();
        home = unpacked.resolve("topowatch-" + version);
    }

    /** A folder holding only (copies of) the tools the launcher needs: no java among them. */
    private static Path launcherOnlyPath() throws Exception {
        var bin = directory.resolve("no-jdk-bin");
        if (!Files.isDirectory(bin)) {
            Files.createDirectories(bin);
            for (var tool : LAUNCHER_TOOLS) {
                Files.copy(Commands.need(tool, "coreutils").toRealPath(), bin.resolve(tool), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return bin;
    }

    private static Map<String, String> withoutJdk() throws Exception {
        var environment = new HashMap<String, String>();
        environment.put("PATH", launcherOnlyPath().toString());
        environment.put("JAVA_HOME", null);
        environment.put("TOPOWATCH_JAVA_OPTS", null);
        return environment;
    }

    @Test
    void the_tarball_serves_the_example_on_its_own_runtime_with_no_jdk_on_the_path_and_the_boards_jvm_flags() throws Exception {
        assertThat(home.resolve("bin/topowatch")).isExecutable();
        assertThat(home.resolve("runtime/bin/java")).isExecutable();
        assertThat(home.resolve("topology.yaml.example")).hasSameTextualContentAs(Path.of("..", "topology.yaml.example"));
        assertThat(home.resolve("topowatch.service")).exists();

        int port;
        try (var free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        var log = directory.resolve("board.log");
        var builder = new ProcessBuilder(home.resolve("bin/topowatch").toString(), "serve", "topology.yaml.example",
                "--listen", "127.0.0.1:" + port, "--database", directory.resolve("board.db").toString())
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Commands.changed(builder, withoutJdk());
        assertThat(Arrays.stream(builder.environment().get("PATH").split(":")))
                .noneMatch(folder -> Files.exists(Path.of(folder, "java")));
        var board = builder.start();
        try {
            var ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).timeout(Duration.ofSeconds(10)).build();
            var http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            int status = 0;
            while (status != 200 && board.isAlive() && System.nanoTime() < deadline) {
                try {
                    status = http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (ConnectException starting) {
                    status = 0;
                }
                if (status != 200) {
                    Thread.sleep(200);
                }
            }
            assertThat(status).as("/health/ready; the board said: %s", Files.readString(log)).isEqualTo(200);

            // The launcher hands over to the runtime (exec): the board's process is the bundled java.
            assertThat(Path.of("/proc", Long.toString(board.pid()), "exe").toRealPath())
                    .isEqualTo(home.resolve("runtime/bin/java").toRealPath());
            var arguments = Files.readString(Path.of("/proc", Long.toString(board.pid()), "cmdline")).split("\0");
            assertThat(arguments).contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", home.resolve("lib/topowatch.jar").toString());
        } finally {
            board.destroy();
            if (!board.waitFor(30, TimeUnit.SECONDS)) {
                board.destroyForcibly();
            }
        }
    }

    @Test
    void the_runtime_has_every_module_jdeps_finds_the_jar_needs() throws Exception {
        assertThat(home.resolve("lib/topowatch.jar")).hasSameBinaryContentAs(JAR);
        var found = jdeps.get(5, TimeUnit.MINUTES);
        assertThat(found.exit()).as(found.output()).isZero();
        var needed = Set.of(found.output().strip().split(","));
        var listed = Files.readAllLines(Path.of("jdk-modules")).stream().map(line -> line.replaceAll("#.*", "").strip())
                .filter(line -> !line.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
        var modules = Commands.run(home.resolve("runtime/bin/java").toString(), "--list-modules");
        var present = modules.output().lines().map(line -> line.replaceAll("@.*", "")).collect(Collectors.toSet());

        assertThat(listed).as("packaging/jdk-modules lists what jdeps finds").containsAll(needed);
        assertThat(present).as("the runtime has the listed modules").containsAll(listed);
        assertThat(present).as("and not the whole JDK").doesNotContain("java.compiler", "jdk.jlink", "jdk.compiler", "jdk.jshell");
    }

    @Test
    void the_deb_installs_the_runtime_in_opt_the_command_on_the_path_the_unit_and_the_topology_as_a_conffile() throws Exception {
        var fields = Commands.run("dpkg-deb", "--field", deb.toString(), "Package", "Version", "Architecture", "Depends");
        assertThat(fields.exit()).as(fields.output()).isZero();
        assertThat(fields.output()).contains("Package: topowatch", "Version: " + version.replace('-', '~'),
                "Architecture: amd64", "Depends: libc6, adduser");

        var listing = Commands.run("dpkg-deb", "--contents", deb.toString());
        assertThat(listing.exit()).as(listing.output()).isZero();
        var entries = listing.output().lines().toList();
        assertThat(entries).as("every file is root's").allMatch(line -> line.split("\\s+")[1].equals("root/root"));
        assertThat(entries).anyMatch(line -> line.startsWith("-rwxr-xr-x") && line.endsWith(" ./opt/topowatch/bin/topowatch"))
                .anyMatch(line -> line.startsWith("-rwxr-xr-x") && line.endsWith(" ./opt/topowatch/runtime/bin/java"))
                .anyMatch(line -> line.endsWith(" ./opt/topowatch/lib/topowatch.jar"))
                .anyMatch(line -> line.endsWith(" ./opt/topowatch/lib/jvm.options"))
                .anyMatch(line -> line.startsWith("l") && line.endsWith(" ./usr/bin/topowatch -> /opt/topowatch/bin/topowatch"))
                .anyMatch(line -> line.startsWith("-rw-r--r--") && line.endsWith(" ./etc/topowatch/topology.yaml"))
                .anyMatch(line -> line.endsWith(" ./usr/lib/systemd/system/topowatch.service"))
                .noneMatch(line -> line.contains("./var/lib/topowatch"));

        var control = directory.resolve("control");
        var extractedControl = Commands.run("dpkg-deb", "--control", deb.toString(), control.toString());
        assertThat(extractedControl.exit()).as(extractedControl.output()).isZero();
        assertThat(control.resolve("conffiles")).hasContent("/etc/topowatch/topology.yaml");
        for (var script : List.of("postinst", "prerm", "postrm")) {
            assertThat(control.resolve(script)).isExecutable().hasSameTextualContentAs(Path.of("debian", script));
        }

        // The files as installed: the command runs on the packaged runtime, and the topology is valid
        // with its database where the service may write.
        var root = directory.resolve("installed");
        var extracted = Commands.run("dpkg-deb", "--extract", deb.toString(), root.toString());
        assertThat(extracted.exit()).as(extracted.output()).isZero();
        var topology = root.resolve("etc/topowatch/topology.yaml");
        assertThat(Files.readString(topology)).contains("database: /var/lib/topowatch/topowatch.db",
                "url: jdbc:sqlite:/var/lib/topowatch/topowatch.db");
        var validated = Commands.run(List.of(root.resolve("opt/topowatch/bin/topowatch").toString(), "validate", topology.toString()),
                directory, withoutJdk());
        assertThat(validated.exit()).as(validated.output()).isZero();
    }

    @Test
    void the_unit_passes_systemd_analyze_verify_and_asks_for_what_the_service_needs() throws Exception {
        var analyze = Commands.need("systemd-analyze", "Debian's systemd");
        var root = directory.resolve("for-unit");
        var extracted = Commands.run("dpkg-deb", "--extract", deb.toString(), root.toString());
        assertThat(extracted.exit()).as(extracted.output()).isZero();
        var unit = Files.readString(root.resolve("usr/lib/systemd/system/topowatch.service"));
        var settings = unit.lines().filter(line -> !line.startsWith("#") && line.contains("=")).toList();
        assertThat(settings).contains(
                "ExecStart=/opt/topowatch/bin/topowatch serve /etc/topowatch/topology.yaml --database /var/lib/topowatch/topowatch.db",
                "ExecReload=/bin/kill -HUP $MAINPID", "Restart=on-failure", "User=topowatch", "StateDirectory=topowatch",
                "ProtectSystem=strict", "NoNewPrivileges=yes", "PrivateTmp=yes", "WantedBy=multi-user.target",
                "AmbientCapabilities=CAP_NET_RAW", "CapabilityBoundingSet=CAP_NET_RAW");

        // verify also checks that the programs it runs exist: point it at the extracted ones.
        var copy = Files.createDirectories(directory.resolve("unit")).resolve("topowatch.service");
        Files.writeString(copy, unit.replace("/opt/topowatch/", root.resolve("opt/topowatch") + "/"));
        var verified = Commands.run(List.of(analyze.toString(), "verify", "--man=no", copy.toString()), directory, Map.of());
        assertThat(verified.exit()).as(verified.output()).isZero();
        assertThat(verified.output()).as("no warnings either").isEmpty();
    }
}
