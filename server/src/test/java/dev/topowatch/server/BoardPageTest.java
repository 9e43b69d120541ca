package dev.topowatch.server;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/** The board page in a real headless Chromium against a real board. */
@Tag("slow")
class BoardPageTest {

    @TempDir
    Path directory;

    private HttpServer target;
    private final AtomicInteger healthStatus = new AtomicInteger(200);
    private BoardHarness harness;
    private ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        target.createContext("/health", exchange -> {
            var body = "{\"version\":\"2.1\",\"note\":\"<img src=x onerror=\\\"window.pwned=1\\\">\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(healthStatus.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        target.start();
        harness = BoardHarness.start(directory, """
                board: {title: Page test}
                defaults: {interval: 1s, timeout: 500ms, failure_threshold: 1, success_threshold: 1}
                entities:
                  vps: {type: server, host: 127.0.0.1, check: none}
                  db: {type: tcp, server: vps, host: 127.0.0.1, port: 1}
                  orders: {type: tcp, server: vps, host: 127.0.0.1, port: 2, depends_on: [db]}
                  web:
                    type: api
                    server: vps
                    url: http://127.0.0.1:%d/health
                    capture: {version: /version, note: /note}
                """.formatted(target.getAddress().getPort()));
        browser = Browser.start(Files.createDirectories(directory.resolve("browser")));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (harness != null) {
            harness.close();
        }
        target.stop(0);
    }

    private WebDriverWait waiting(Duration duration) {
        return new WebDriverWait(browser, duration);
    }

    private String status(String entity) {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "const g = document.querySelector('#diagram g[data-entity=\"' + arguments[0] + '\"]'); return g && g.getAttribute('data-status');", entity);
    }

    private void open() {
        browser.get(harness.uri("/").toString());
        waiting(Duration.ofSeconds(20)).until(driver -> driver.findElements(By.cssSelector("#diagram g[data-entity]")).size() == 4);
        waiting(Duration.ofSeconds(20)).until(driver -> "live".equals(driver.findElement(By.id("connection")).getText()));
    }

    @Test
    void the_page_loads_without_console_errors_and_shows_every_entity() {
        open();
        waiting(Duration.ofSeconds(20)).until(driver -> "down".equals(status("db")));

        assertThat(browser.findElements(By.cssSelector("#diagram g[data-entity]"))).hasSize(4);
        assertThat(browser.findElement(By.id("title")).getText()).isEqualTo("Page test");
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .filteredOn(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).isEmpty();
    }

    @Test
    void a_target_going_down_turns_its_box_down_within_seconds_without_a_reload() {
        open();
        waiting(Duration.ofSeconds(20)).until(driver -> "up".equals(status("web")));
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");

        healthStatus.set(503);

        // One check interval (1 s) for the board to see it, then the stream's 250 ms coalescing.
        waiting(Duration.ofSeconds(3)).until(driver -> "down".equals(status("web")));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;")).isEqualTo(true);
        // The chips are redrawn with every update: read them until a redraw does not get in the way.
        waiting(Duration.ofSeconds(5)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> "2".equals(driver.findElement(By.cssSelector("#chips .status-down .count")).getText()));
    }

    @Test
    void clicking_a_box_opens_the_panel_with_its_details() {
        open();
        waiting(Duration.ofSeconds(20)).until(driver -> "blocked".equals(status("orders")));

        browser.findElement(By.cssSelector("#diagram g[data-entity='orders'] rect.box")).click();

        waiting(Duration.ofSeconds(10)).until(driver -> driver.findElement(By.id("panel")).isDisplayed()
                && "orders".equals(driver.findElement(By.id("panel-name")).getText()));
        waiting(Duration.ofSeconds(10)).until(driver -> driver.findElement(By.id("panel-facts")).getText().contains("root cause"));
        var facts = browser.findElement(By.id("panel-facts")).getText();
        assertThat(facts).contains("root cause").contains("db").contains("connection refused").contains("vps");
        assertThat(browser.findElement(By.id("panel-status")).getText()).contains("blocked");
    }

    @Test
    void the_response_time_chart_shows_the_range_chosen() {
        open();
        waiting(Duration.ofSeconds(20)).until(driver -> "up".equals(status("web")));
        browser.findElement(By.cssSelector("#diagram g[data-entity='web'] text.name")).click();
        waiting(Duration.ofSeconds(10)).until(driver -> "web".equals(driver.findElement(By.id("panel-name")).getText()));

        browser.findElement(By.cssSelector("#ranges button[data-range='1h']")).click();

        // The chart is redrawn as checks come in: a title found may be replaced before it is read.
        waiting(Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(driver -> {
            var title = driver.findElements(By.cssSelector("#panel-sparkline svg title"));
            return !title.isEmpty() && title.getFirst().getAttribute("textContent").endsWith("over the last 1h");
        });
        assertThat(browser.findElement(By.cssSelector("#ranges button[data-range='1h']")).getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(browser.findElement(By.cssSelector("#ranges button[data-range='24h']")).getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(browser.findElements(By.cssSelector("#panel-sparkline polyline.latency"))).hasSize(1);
    }

    @Test
    void the_link_in_an_alert_opens_the_board_on_that_entity() {
        browser.get(harness.uri("/?focus=orders").toString());

        waiting(Duration.ofSeconds(20)).until(driver -> driver.findElement(By.id("panel")).isDisplayed()
                && "orders".equals(driver.findElement(By.id("panel-name")).getText()));
    }

    @Test
    void markup_from_a_target_is_shown_as_text_and_never_run() {
        open();
        browser.findElement(By.cssSelector("#diagram g[data-entity='web'] text")).click();

        waiting(Duration.ofSeconds(10)).until(driver -> driver.findElement(By.id("panel-facts")).getText().contains("<img src=x"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined;")).isEqualTo(true);
        assertThat(browser.findElements(By.cssSelector("#panel img, #diagram img"))).isEmpty();
    }

    @Test
    void search_highlights_and_shows_the_match() {
        open();

        browser.findElement(By.tagName("body")).sendKeys("/");
        browser.switchTo().activeElement().sendKeys("ord");

        waiting(Duration.ofSeconds(5)).until(driver -> driver.findElement(By.cssSelector("#diagram g[data-entity='orders']"))
                .getAttribute("class").contains("match"));
        assertThat(browser.findElement(By.cssSelector("#diagram g[data-entity='db']")).getAttribute("class")).doesNotContain("match");

        browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        waiting(Duration.ofSeconds(10)).until(driver -> "orders".equals(driver.findElement(By.id("panel-name")).getText()));
    }

    @Test
    void an_invalid_edit_shows_a_banner_with_the_place_of_the_error_and_fixing_it_clears_it() throws Exception {
        open();
        var good = Files.readString(harness.file);

        Files.writeString(harness.file, good + "  broken: {type: tpc}\n");

        waiting(Duration.ofSeconds(15)).until(driver -> driver.findElement(By.id("banner")).isDisplayed());
        assertThat(browser.findElement(By.id("banner")).getText()).contains("topology.yaml:").contains("unknown type 'tpc'");
        Files.writeString(harness.file, good);
        waiting(Duration.ofSeconds(15)).until(driver -> !driver.findElement(By.id("banner")).isDisplayed());
    }

    @Test
    void the_stream_reconnects_by_itself_after_the_board_restarts() throws Exception {
        open();
        waiting(Duration.ofSeconds(20)).until(driver -> "up".equals(status("web")));
        int port = harness.board.port();

        harness.close();
        waiting(Duration.ofSeconds(15)).until(driver -> !"live".equals(driver.findElement(By.id("connection")).getText()));
        healthStatus.set(503);
        harness = BoardHarness.start(harness.file, harness.database, Map.of(), port);

        waiting(Duration.ofSeconds(30)).until(driver -> "live".equals(driver.findElement(By.id("connection")).getText()));
        waiting(Duration.ofSeconds(15)).until(driver -> "down".equals(status("web")));
    }

    /**
     * The example topology, served where its own targets expect the board, as a person would first see
     * it; the screenshot is kept as a test artifact (and is the picture at the top of the README).
     */
    @Test
    void a_screenshot_of_the_example_board_is_kept_as_a_test_artifact() throws Exception {
        harness.close();
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var example = Files.readString(Path.of("..", "topology.yaml.example")).replace("127.0.0.1:8080", "127.0.0.1:" + port)
                .replace("port: 8080", "port: " + port).replace("interval: 30s", "interval: 2s");
        var file = directory.resolve("example").resolve("topology.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, example);
        harness = BoardHarness.start(file, file.resolveSibling("topowatch.db"), Map.of(), port);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1500, 900));
        browser.get(harness.uri("/").toString());
        waiting(Duration.ofSeconds(30)).until(driver -> "blocked".equals(status("orders_api"))
                && "degraded".equals(status("diagram_render")) && "up".equals(status("board_api")));
        Thread.sleep(500);

        var screenshot = browser.getScreenshotAs(OutputType.BYTES);

        var artifact = Path.of("target", "screenshots", "example-board.png");
        Files.createDirectories(artifact.getParent());
        Files.write(artifact, screenshot);
        assertThat(screenshot.length).isGreaterThan(20_000);
        assertThat(status("postgres_main")).isEqualTo("down");
    }
}
