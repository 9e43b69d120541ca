package dev.topowatch.server;

import dev.topowatch.diagram.GeneratedTopology;
import dev.topowatch.server.testing.AcceptingTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board as it opens in a 1400x900 window, at 40, 200 and 1,000 entities (servers of eight, some
 * dependencies across servers, two roots down): every server and every down root is on screen, at
 * least 60x14 px, carrying data-entity and data-status, within 3 s of the page loading.
 */
@Tag("slow")
class BoardReadabilityTest {
    /** What a readable element must measure at least, in CSS pixels. */
    private static final int MIN_WIDTH = 60;
    private static final int MIN_HEIGHT = 14;

    @TempDir
    Path directory;

    private AcceptingTarget healthy;
    private BoardHarness harness;
    private ChromeDriver browser;

    @BeforeEach
    void openTheHealthyTarget() throws IOException {
        healthy = new AcceptingTarget();
    }

    @AfterEach
    void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (harness != null) {
            harness.close();
        }
        healthy.close();
    }

    @ParameterizedTest(name = "{0} entities")
    @ValueSource(ints = {40, 200, 1000})
    void every_server_and_every_down_root_is_readable_as_the_page_opens(int size) throws Exception {
        var generated = GeneratedTopology.of(size, healthy.port(), """
                board: {title: %d entities}
                defaults: {interval: 5s, timeout: 1s, failure_threshold: 1}
                """.formatted(size));
        harness = BoardHarness.start(directory, generated.yaml());
        awaitStatuses(generated);
        browser = Browser.start(Files.createDirectories(directory.resolve("browser")));

        browser.get(harness.uri("/").toString());
        var unreadable = new WebDriverWait(browser, Duration.ofSeconds(3)).until(driver -> {
            var missing = unreadable(generated);
            return missing.isEmpty() ? missing : null;
        });

        assertThat(unreadable).isEmpty();
        screenshot("overview-" + size);
        if (size == 1000) {
            theOpenedInsideFillsItsTile("srv-005");
        }
        if (size == 200) {
            browser.get(harness.uri("/?view=problems").toString());
            new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver -> unreadable(List.copyOf(generated.roots())).isEmpty());
            screenshot("problems-" + size);
        }
    }

    /**
     * A closed tile of a large board is larger than its open inside (it holds its summary at the
     * overview's scale): clicked, it opens with its inside enlarged to fill it, its text readable.
     */
    private void theOpenedInsideFillsItsTile(String tile) {
        browser.findElement(org.openqa.selenium.By.cssSelector("#diagram g.tile[data-tile='" + tile + "'] rect.frame")).click();
        var detail = "#diagram g.detail[data-tile='" + tile + "']";
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver -> (Boolean) ((JavascriptExecutor) browser).executeScript(
                "const d = document.querySelector(arguments[0]); return !!d && d.getBoundingClientRect().width > 0;", detail));
        @SuppressWarnings("unchecked")
        var sizes = (Map<String, Number>) ((JavascriptExecutor) browser).executeScript("""
                const detail = document.querySelector(arguments[0]).getBoundingClientRect();
                const frame = document.querySelector(arguments[1]).getBoundingClientRect();
                const name = document.querySelector(arguments[0] + ' g.entity text.name').getBoundingClientRect();
                return {fill: Math.max(detail.width / frame.width, detail.height / frame.height), text: name.height};
                """, detail, "#diagram g.tile[data-tile='" + tile + "'] > rect.frame");
        assertThat(sizes.get("fill").doubleValue()).as("the inside against the tile, in its fuller direction").isGreaterThan(0.8);
        assertThat(sizes.get("text").doubleValue()).as("a box's name, in px").isGreaterThanOrEqualTo(8);
    }

    /** The board has checked everything: both roots down, their casualties blocked. */
    private void awaitStatuses(GeneratedTopology generated) throws Exception {
        for (var root : generated.roots()) {
            harness.awaitStatus(root, "down");
        }
        for (var casualty : generated.casualties()) {
            harness.awaitStatus(casualty, "blocked");
        }
    }

    private List<String> unreadable(GeneratedTopology generated) {
        var wanted = new ArrayList<>(generated.servers());
        wanted.addAll(generated.roots());
        return unreadable(wanted);
    }

    /** The names of {@code wanted} with no element on screen that is readable and says its status. */
    @SuppressWarnings("unchecked")
    private List<String> unreadable(List<String> wanted) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("""
                const [names, minWidth, minHeight] = arguments;
                const stage = document.getElementById('stage').getBoundingClientRect();
                return names.filter((name) => ![...document.querySelectorAll('#diagram [data-entity]')]
                  .filter((element) => element.getAttribute('data-entity') === name && element.hasAttribute('data-status'))
                  .some((element) => {
                    const rect = element.getBoundingClientRect();
                    return rect.width >= minWidth && rect.height >= minHeight && rect.left >= stage.left - 1
                      && rect.right <= stage.right + 1 && rect.top >= stage.top - 1 && rect.bottom <= stage.bottom + 1;
                  }));
                """, wanted, MIN_WIDTH, MIN_HEIGHT);
    }

    private void screenshot(String name) throws IOException {
        var artifact = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(artifact.getParent());
        Files.write(artifact, browser.getScreenshotAs(OutputType.BYTES));
    }
}
