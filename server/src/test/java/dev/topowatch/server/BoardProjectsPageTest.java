package dev.topowatch.server;

import dev.topowatch.diagram.GeneratedTopology;
import dev.topowatch.server.testing.AcceptingTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A board of three projects in a real Chromium: each project a frame of its own tiles, a picker that
 * narrows the picture to one project and is a link, frames that follow the statuses live.
 */
class BoardProjectsPageTest {
    /** In team-0 (server 6), on a target of its own to take down; the generated roots are both in team-1. */
    private static final String ROOT = "app-006-db";

    @TempDir
    Path directory;

    private final AcceptingTarget[] targets = new AcceptingTarget[2];
    private BoardHarness harness;
    private ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        for (int i = 0; i < targets.length; i++) {
            targets[i] = new AcceptingTarget();
        }
        var generated = GeneratedTopology.of(200, targets[0].port(), """
                board: {title: Projects test}
                defaults: {interval: 1s, timeout: 500ms, failure_threshold: 1}
                """, 3);
        var yaml = generated.yaml().replace(ROOT + ": {type: tcp, server: srv-006, host: 127.0.0.1, port: " + targets[0].port(),
                ROOT + ": {type: tcp, server: srv-006, host: 127.0.0.1, port: " + targets[1].port());
        assertThat(yaml).isNotEqualTo(generated.yaml());
        harness = BoardHarness.start(directory, yaml);
        harness.awaitStatus(ROOT, "up");
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

    @SuppressWarnings("unchecked")
    private List<String> frames() {
        return (List<String>) script("return [...document.querySelectorAll('#diagram g.project[data-project]')].map((g) => g.dataset.project);");
    }

    private void open(String path) {
        browser.get(harness.uri(path).toString());
        waiting(10).until(driver -> "live".equals(driver.findElement(By.id("connection")).getText()));
        waiting(10).until(driver -> !frames().isEmpty());
    }

    @Test
    void each_project_is_a_frame_and_the_picker_narrows_the_picture_to_one() throws IOException {
        open("/");
        assertThat(frames()).containsExactlyInAnyOrder("team-0", "team-1", "team-2");
        // For the README: what a board of three projects looks like as it opens.
        var artifact = Path.of("target", "screenshots", "projects-200.png");
        Files.createDirectories(artifact.getParent());
        Files.write(artifact, browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        var picker = new Select(browser.findElement(By.id("project")));
        assertThat(browser.findElement(By.id("project")).isDisplayed()).isTrue();
        assertThat(picker.getOptions().stream().map(option -> option.getText()))
                .containsExactly("all projects", "team-0", "team-1", "team-2");

        picker.selectByValue("team-1");

        waiting(5).until(driver -> !frames().contains("team-2"));
        assertThat(browser.getCurrentUrl()).endsWith("/?project=team-1");
        assertThat(frames()).as("team-1 depends on no other project").containsExactly("team-1");
        assertThat((Boolean) script("return !!document.querySelector(\"#diagram g.tile[data-tile='team-1:srv-004']\")")).isTrue();
        assertThat((Boolean) script("return !!document.querySelector(\"#diagram g.tile[data-tile='team-2:srv-005']\")")).isFalse();

        browser.get(harness.uri("/?project=team-1").toString());
        waiting(10).until(driver -> !frames().isEmpty());
        assertThat(frames()).doesNotContain("team-2");
        assertThat(new Select(browser.findElement(By.id("project"))).getFirstSelectedOption().getText()).isEqualTo("team-1");

        new Select(browser.findElement(By.id("project"))).selectByValue("");
        waiting(5).until(driver -> frames().contains("team-2"));
        assertThat(browser.getCurrentUrl()).doesNotContain("project");
    }

    @Test
    void a_project_frame_takes_the_colour_of_its_worst_entity_live_and_its_tiles_open_in_place() throws IOException {
        open("/");
        script("window.notReloaded = true;");
        assertThat(script("return document.querySelector(\"#diagram g.project[data-project='team-0']\").dataset.status")).isEqualTo("up");
        assertThat(script("return document.querySelector(\"#diagram g.project[data-project='team-1']\").dataset.status")).isEqualTo("down");

        targets[1].close();

        waiting(10).until(driver -> "down".equals(script("return document.querySelector(\"#diagram g.project[data-project='team-0']\").dataset.status")));
        assertThat(script("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(script("return document.querySelector(\"#diagram g.project[data-project='team-2']\").dataset.status")).isEqualTo("up");

        // The new root redraws the picture (its problem boxes): click once that is done.
        waiting(10).until(driver -> String.valueOf(script("return document.querySelector('#diagram svg').dataset.problems"))
                .contains(ROOT + ":down"));
        browser.findElement(By.cssSelector("#diagram g.tile[data-tile='team-2:srv-005'] text.tile-name")).click();
        waiting(5).until(driver -> (Boolean) script("""
                const box = document.querySelector("#diagram g.entity[data-entity='app-005-api']");
                return !!box && box.getBoundingClientRect().width > 0;"""));
    }

    @Test
    void a_project_that_is_gone_falls_back_to_the_whole_board() {
        open("/?project=nobody");

        assertThat(frames()).contains("team-0", "team-1", "team-2");
        assertThat(browser.getCurrentUrl()).doesNotContain("project");
    }
}
