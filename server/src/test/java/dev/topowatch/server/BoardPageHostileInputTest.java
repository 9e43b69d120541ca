package dev.topowatch.server;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board page in a real headless Chromium, given what a careless or hostile user or target gives
 * it: bidi overrides and line breaks in values, a topology file emptied while it runs, a read token
 * the tab does not have.
 */
@Tag("slow")
class BoardPageHostileInputTest {
    private static final String RLO = "\u202E";

    @TempDir
    Path directory;

    private HttpServer target;
    private BoardHarness harness;
    private ChromeDriver browser;

    private void start(String board) throws Exception {
        target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        target.createContext("/health", exchange -> {
            var body = ("{\"note\":\"invoice" + RLO + "fdp.exe\\nforged line\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        target.start();
        harness = BoardHarness.start(directory, board + """
                defaults: {interval: 1s, timeout: 500ms}
                entities:
                  web:
                    type: api
                    url: http://127.0.0.1:%d/health
                    capture: {note: /note}
                    description: "owned by ops\\u202Emaet"
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
        if (target != null) {
            target.stop(0);
        }
    }

    private WebDriverWait waiting(Duration duration) {
        return new WebDriverWait(browser, duration);
    }

    private void openLive(String path) {
        browser.get(harness.uri(path).toString());
        waiting(Duration.ofSeconds(20)).until(driver -> !driver.findElements(By.cssSelector("#diagram g[data-entity='web']")).isEmpty());
        waiting(Duration.ofSeconds(20)).until(driver -> "live".equals(driver.findElement(By.id("connection")).getText()));
    }

    @Test
    void bidi_overrides_and_line_breaks_in_the_details_are_shown_as_escapes() throws Exception {
        start("");
        harness.awaitEntity("web", web -> web.path("extra").has("note"));
        openLive("/");

        browser.findElement(By.cssSelector("#diagram g[data-entity='web'] text")).click();
        waiting(Duration.ofSeconds(10)).until(driver -> driver.findElement(By.id("panel-facts")).getText().contains("invoice"));

        var facts = browser.findElement(By.id("panel-facts")).getText();
        assertThat(facts).contains("invoice\\u202efdp.exe\\u000aforged line").contains("owned by ops\\u202emaet")
                .doesNotContain(RLO).doesNotContain("fdp.exe\nforged");
        // The box's tooltip and extra lines, rewritten by the page from the live stream, neutralise them too.
        var drawn = (String) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return document.querySelector(\"#diagram g.entity[data-entity='web']\").textContent;");
        assertThat(drawn).contains("invoice").doesNotContain(RLO);
    }

    @Test
    void a_topology_file_emptied_while_the_board_runs_shows_a_banner_with_the_place() throws Exception {
        start("");
        openLive("/");

        Files.writeString(harness.file, "---\n");

        waiting(Duration.ofSeconds(15)).until(driver -> driver.findElement(By.id("banner")).isDisplayed());
        assertThat(browser.findElement(By.id("banner")).getText())
                .contains("topology.yaml:2:1: the document is empty: a topology needs at least 'entities:'");
    }

    @Test
    void a_board_with_a_read_token_opened_without_one_says_so_and_takes_one() throws Exception {
        start("board: {read_token: r3ad-t0ken}\n");
        browser.get(harness.uri("/").toString());

        waiting(Duration.ofSeconds(20)).until(driver -> driver.findElement(By.id("token-form")).isDisplayed());
        assertThat(browser.findElement(By.id("token-reason")).getText()).contains("needs its read token");
        waiting(Duration.ofSeconds(10)).until(driver -> "needs a token".equals(driver.findElement(By.id("connection")).getText()));

        browser.findElement(By.id("token-input")).sendKeys("r3ad-t0ken");
        browser.findElement(By.cssSelector("#token-form button")).click();

        waiting(Duration.ofSeconds(20)).until(driver -> "live".equals(driver.findElement(By.id("connection")).getText()));
        assertThat(browser.findElements(By.cssSelector("#diagram g[data-entity='web']"))).isNotEmpty();
        assertThat(browser.findElement(By.id("token-form")).isDisplayed()).isFalse();
    }

    @Test
    void a_wrong_read_token_in_the_address_is_said_to_be_refused() throws Exception {
        start("board: {read_token: r3ad-t0ken}\n");
        browser.get(harness.uri("/?token=wrong").toString());

        waiting(Duration.ofSeconds(20)).until(driver -> driver.findElement(By.id("token-form")).isDisplayed());
        assertThat(browser.findElement(By.id("token-reason")).getText()).contains("refused the read token");
    }
}
