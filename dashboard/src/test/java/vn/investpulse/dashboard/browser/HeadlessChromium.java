package vn.investpulse.dashboard.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium} driven through Debian's {@code chromium-driver}, headless, with a fresh profile.
 * Nothing is downloaded: both executables are named explicitly, so Selenium Manager never runs. The browser runs
 * with {@code TZ=America/New_York} on purpose — the page must show Hai Phong time whatever the machine's zone.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final Path profile;
    private final ChromeDriver driver;

    private HeadlessChromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /** Starts the browser with a viewport of exactly {@code width × height} CSS pixels. */
    public static HeadlessChromium start(int width, int height) {
        requireExecutable(CHROMIUM);
        requireExecutable(CHROMEDRIVER);
        // The devtools (CDP) bindings are not on the classpath on purpose; say so once instead of on every start.
        Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
        Path profile;
        try {
            profile = Files.createTempDirectory("pulse-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--hide-scrollbars", "--lang=vi-VN", "--force-prefers-reduced-motion",
                "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("TZ", "America/New_York"))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        HeadlessChromium browser = new HeadlessChromium(profile, driver);
        browser.fitViewport(width, height);
        return browser;
    }

    private static void requireExecutable(Path path) {
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(path + " not found: the browser tests need Debian's chromium and "
                    + "chromium-driver packages (apt-get install -y chromium chromium-driver); no browser is downloaded.");
        }
    }

    /** --window-size sets the outer window; grow it so the page itself gets the wanted size. */
    private void fitViewport(int width, int height) {
        driver.get("about:blank");
        long innerWidth = (Long) driver.executeScript("return window.innerWidth");
        long innerHeight = (Long) driver.executeScript("return window.innerHeight");
        Dimension outer = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(
                outer.getWidth() + width - (int) innerWidth, outer.getHeight() + height - (int) innerHeight));
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp profile is harmless.
        }
    }
}
