package dev.topowatch.bench.board;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * How soon a board's page is usable, in Debian's headless Chromium at 1400x900: from navigation to
 * the overview drawn (its tiles on screen), to the live stream's snapshot applied (the status chips
 * counted), and from a click on a closed tile to its entities shown. Arguments: BOARD_URL [LOADS].
 */
public final class PageLoad {

    public static void main(String[] args) throws Exception {
        var url = args[0];
        int loads = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        var home = Files.createTempDirectory("pageload");
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("SE_AVOID_STATS", "true");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort()
                .withEnvironment(Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.toString(), "XDG_CACHE_HOME", home.toString()))
                .build();
        var options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,900", "--user-data-dir=" + home.resolve("profile"));
        var browser = new ChromeDriver(service, options);
        try {
            var drawn = new double[loads];
            var live = new double[loads];
            var opened = new double[loads];
            for (int i = 0; i < loads; i++) {
                browser.get("about:blank");
                long started = System.nanoTime();
                browser.get(url);
                var wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(10));
                wait.until(driver -> script(browser, "return document.querySelectorAll('#diagram g.tile').length > 0"));
                drawn[i] = (System.nanoTime() - started) / 1e6;
                wait.until(driver -> script(browser, "return document.querySelector('#connection').textContent === 'live'"
                        + " && document.querySelector('#chips .count') !== null"));
                live[i] = (System.nanoTime() - started) / 1e6;
                var tile = (String) ((JavascriptExecutor) browser).executeScript(
                        "return document.querySelector('#diagram g.tile.closed')?.getAttribute('data-tile')");
                if (tile != null) {
                    long clicked = System.nanoTime();
                    browser.findElement(By.cssSelector("#diagram g.tile[data-tile='" + tile + "'] rect.frame")).click();
                    wait.until(driver -> script(browser, "return [...document.querySelectorAll('#diagram g.detail[data-tile]')]"
                            + ".some((d) => d.getAttribute('data-tile') === arguments[0] && d.getBoundingClientRect().width > 0)", tile));
                    opened[i] = (System.nanoTime() - clicked) / 1e6;
                }
                System.out.printf(Locale.ROOT, "load %d: overview drawn %.0f ms, live %.0f ms, tile %s opened %.0f ms%n",
                        i + 1, drawn[i], live[i], tile, opened[i]);
            }
            System.out.printf(Locale.ROOT, "median of %d: overview drawn %.0f ms, live with the snapshot %.0f ms, a tile opened %.0f ms%n",
                    loads, median(drawn), median(live), median(opened));
        } finally {
            browser.quit();
        }
    }

    private static boolean script(ChromeDriver browser, String script, Object... arguments) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(script, arguments));
    }

    private static double median(double[] values) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
