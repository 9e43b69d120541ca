package dev.topowatch.server;

import dev.topowatch.diagram.GeneratedTopology;
import dev.topowatch.server.testing.AcceptingTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overview of a 200-entity board in a real Chromium: closed tiles open in place as one zooms in,
 * a new root appears on its own, the problems view and the focus view are links.
 */
@Tag("slow")
class BoardOverviewPageTest {
    private static final String NEWCOMER = "app-010-db";

    @TempDir
    Path directory;

    private final AcceptingTarget[] targets = new AcceptingTarget[2];
    private BoardHarness harness;
    private ChromeDriver browser;
    private GeneratedTopology generated;

    @BeforeEach
    void start() throws Exception {
        for (int i = 0; i < targets.length; i++) {
            targets[i] = new AcceptingTarget();
        }
        generated = GeneratedTopology.of(200, targets[0].port(), """
                board: {title: Overview test}
                defaults: {interval: 1s, timeout: 500ms, failure_threshold: 1}
                """);
        // One database of its own target, to take down during a test.
        var yaml = generated.yaml().replace(NEWCOMER + ": {type: tcp, server: srv-010, host: 127.0.0.1, port: " + targets[0].port(),
                NEWCOMER + ": {type: tcp, server: srv-010, host: 127.0.0.1, port: " + targets[1].port());
        assertThat(yaml).isNotEqualTo(generated.yaml());
        harness = BoardHarness.start(directory, yaml);
        for (var root : generated.roots()) {
            harness.awaitStatus(root, "down");
        }
        harness.awaitStatus(NEWCOMER, "up");
        browser = Browser.start(Files.createDirectories(directory.resolve("browser")));
    }

    @AfterEach
    void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (harness != null) {
            harness.close();
        }
        for (var target : targets) {
            target.close();
        }
    }

    private WebDriverWait waiting(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    /** Whether an element for {@code entity} is drawn and shown (not hidden inside a closed tile). */
    private boolean shown(String selector) {
        return (Boolean) script("""
                return [...document.querySelectorAll(arguments[0])].some((element) => {
                  const rect = element.getBoundingClientRect();
                  return rect.width > 0 && rect.height > 0;
                });""", selector);
    }

    private void openOverview() {
        browser.get(harness.uri("/").toString());
        waiting(10).until(driver -> "live".equals(driver.findElement(By.id("connection")).getText()));
        waiting(10).until(driver -> shown("#diagram g.tile.closed[data-tile='srv-005']"));
    }

    @Test
    void clicking_a_closed_tile_opens_it_in_place_and_fitting_the_view_closes_it_again() {
        openOverview();
        assertThat(shown("#diagram g.entity[data-entity='app-005-api']")).as("closed at first").isFalse();

        browser.findElement(By.cssSelector("#diagram g.tile[data-tile='srv-005'] text.tile-name")).click();

        waiting(5).until(driver -> shown("#diagram g.entity[data-entity='app-005-api']"));
        assertThat(script("return document.querySelector(\"#diagram g.entity[data-entity='app-005-db']\").getAttribute('data-status')"))
                .isEqualTo("up");
        assertThat(shown("#diagram g.tile[data-tile='srv-005'] .summary")).as("the summary gives way").isFalse();

        browser.findElement(By.id("fit")).click();

        waiting(5).until(driver -> !shown("#diagram g.entity[data-entity='app-005-api']"));
        assertThat(shown("#diagram g.tile[data-tile='srv-005'] .summary")).isTrue();
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .filteredOn(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).isEmpty();
    }

    @Test
    void a_new_root_appears_on_the_overview_as_a_box_of_its_own_without_a_reload() throws IOException {
        openOverview();
        script("window.notReloaded = true;");
        assertThat(shown("#diagram g.problem[data-entity='" + NEWCOMER + "']")).isFalse();

        targets[1].close();

        waiting(10).until(driver -> shown("#diagram g.problem[data-entity='" + NEWCOMER + "'][data-status='down']"));
        assertThat(script("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(script("return document.querySelector(\"#diagram g.tile[data-tile='srv-010']\").getAttribute('data-status')"))
                .isEqualTo("down");
    }

    @Test
    void the_problems_switch_shows_only_what_is_wrong_and_is_a_link() {
        openOverview();

        browser.findElement(By.id("problems")).click();

        waiting(5).until(driver -> "problems".equals(script("return document.querySelector('#diagram svg').dataset.view")));
        assertThat(browser.getCurrentUrl()).endsWith("/?view=problems");
        for (var root : generated.roots()) {
            assertThat(shown("#diagram g.entity[data-entity='" + root + "']")).as(root).isTrue();
        }
        var casualty = generated.casualties().iterator().next();
        assertThat(shown("#diagram g.entity[data-entity='" + casualty + "'][data-status='blocked']")).isTrue();
        assertThat(shown("#diagram g[data-entity='app-005-api']")).as("healthy entities are left out").isFalse();

        browser.get(harness.uri("/?view=problems").toString());
        waiting(5).until(driver -> "problems".equals(script("return document.querySelector('#diagram svg')?.dataset.view")));
        assertThat(browser.findElement(By.id("problems")).isSelected()).isTrue();
    }

    @Test
    void a_focus_link_shows_the_neighbourhood_with_the_details_and_a_way_back() {
        var root = generated.roots().getFirst();
        browser.get(harness.uri("/?focus=" + root).toString());

        waiting(10).until(driver -> "focus".equals(script("return document.querySelector('#diagram svg')?.dataset.view")));
        waiting(10).until(driver -> root.equals(driver.findElement(By.id("panel-name")).getText()));
        assertThat(shown("#diagram g.entity[data-entity='" + root.replace("-db", "-api") + "']")).as("a dependent").isTrue();
        assertThat(shown("#diagram g[data-entity='app-005-api']")).isFalse();

        browser.findElement(By.cssSelector("#view-note button")).click();

        waiting(5).until(driver -> "overview".equals(script("return document.querySelector('#diagram svg')?.dataset.view")));
        assertThat(browser.getCurrentUrl()).doesNotContain("focus");
    }

    @Test
    void searching_for_an_entity_in_a_closed_tile_opens_that_tile() {
        openOverview();

        browser.findElement(By.tagName("body")).sendKeys("/");
        browser.switchTo().activeElement().sendKeys("app-017-queue");

        waiting(5).until(driver -> shown("#diagram g.entity.match[data-entity='app-017-queue']"));
    }
}
