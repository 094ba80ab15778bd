package org.invigil.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's real Chromium ({@code /usr/bin/chromium}), headless, driven through {@code /usr/bin/chromedriver} by
 * Selenium, with a fake webcam that plays a {@link FakeCamera} video and grants camera permission without a prompt.
 * Each instance has a fresh profile under {@code target/chromium/} and is closed with {@link #close()} (use
 * try-with-resources, or {@link Browsers} which also keeps a screenshot and the console of a failed test).
 * <p>
 * Missing Chromium fails the test (it is never skipped): CI installs it in {@code .ci/run}; by hand run
 * {@code apt-get install chromium chromium-driver}.
 */
public final class Chromium implements AutoCloseable {

    public static final Path BINARY = Path.of(System.getProperty("invigil.chromium.binary", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getProperty("invigil.chromium.driver", "/usr/bin/chromedriver"));
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    private static final Json JSON = new Json();
    /**
     * Selenium 4.45 bundles DevTools bindings up to Chrome 149 and warns at every start that it has none for Debian's
     * newer Chromium; nothing here uses those bindings ({@link #cdp} goes through chromedriver), so quiet them.
     */
    private static final List<java.util.logging.Logger> QUIET = Stream.of(
            "org.openqa.selenium.devtools.CdpVersionFinder", "org.openqa.selenium.chromium.ChromiumDriver")
            .map(java.util.logging.Logger::getLogger).peek(l -> l.setLevel(Level.SEVERE)).toList();
    private static final Path TARGET = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("target");

    private final String name;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    private final List<LogEntry> console = new ArrayList<>();
    private final Map<String, String> iframeSessions = new HashMap<>();
    private int cdpMessageId;
    private boolean closed;

    /** What to start: {@link #start()} it. */
    public static final class Options {
        private Path camera;
        private String name = "chromium";
        private int width = 1280;
        private int height = 900;
        private boolean siteIsolation = true;
        private final List<String> arguments = new ArrayList<>();
        private boolean blockCookies;

        /**
         * Blocks every cookie, first- and third-party: stricter than an LMS iframe, where third-party cookies are
         * blocked. A page that works so does not depend on a cookie.
         */
        public Options blockCookies() {
            this.blockCookies = true;
            return this;
        }

        private Options() {
        }

        /** The Y4M (or MJPEG) file the fake webcam plays in a loop; without one Chromium shows its test pattern. */
        public Options camera(Path video) {
            this.camera = video;
            return this;
        }

        /** Names the profile, chromedriver log and default screenshots. */
        public Options name(String name) {
            this.name = name.replaceAll("[^A-Za-z0-9._-]", "_");
            return this;
        }

        public Options window(int width, int height) {
            this.width = width;
            this.height = height;
            return this;
        }

        /**
         * Keeps cross-site iframes in the page's own renderer ({@code --disable-site-isolation-trials}), so that
         * DevTools commands sent with {@link #cdp} reach them too; a cross-site iframe (e.g. the Invigil monitor inside
         * a simulated LMS page) is otherwise a separate target. {@link #offline()} does not need this.
         */
        public Options withoutSiteIsolation() {
            this.siteIsolation = false;
            return this;
        }

        /** Lets an http origin other than localhost use the camera (camera access needs a secure context). */
        public Options treatAsSecure(URI origin) {
            arguments.add("--unsafely-treat-insecure-origin-as-secure=" + origin.getScheme() + "://"
                    + origin.getRawAuthority());
            return this;
        }

        /** Any further Chromium switch, e.g. {@code --lang=fr}. */
        public Options argument(String argument) {
            arguments.add(argument);
            return this;
        }

        public Chromium start() {
            return new Chromium(this);
        }
    }

    public static Options options() {
        return new Options();
    }

    /** Chromium with this fake-camera video. */
    public static Chromium start(Path camera) {
        return options().camera(camera).name(camera.getFileName().toString().replaceFirst("-[0-9a-f]{12}\\.y4m$", ""))
                .start();
    }

    private Chromium(Options o) {
        requireInstalled();
        this.name = o.name;
        try {
            Path dir = TARGET.resolve("chromium");
            Files.createDirectories(dir);
            this.profile = Files.createTempDirectory(dir, o.name + "-profile-");
            this.service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort()
                    .withLogFile(dir.resolve(profile.getFileName() + "-chromedriver.log").toFile())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--disable-extensions",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--autoplay-policy=no-user-gesture-required",
                "--user-data-dir=" + profile, "--window-size=" + o.width + "," + o.height);
        if (o.camera != null) {
            Path video = o.camera.toAbsolutePath();
            if (!Files.isRegularFile(video)) {
                throw new IllegalArgumentException("No fake-camera video at " + video);
            }
            options.addArguments("--use-file-for-fake-video-capture=" + video);
        }
        if (!o.siteIsolation) {
            options.addArguments("--disable-site-isolation-trials",
                    "--disable-features=IsolateOrigins,site-per-process");
        }
        options.addArguments(o.arguments);
        if (o.blockCookies) {
            options.setExperimentalOption("prefs", java.util.Map.of("profile.default_content_setting_values.cookies", 2));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        try {
            this.driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            deleteProfile();
            throw new IllegalStateException("Chromium did not start (see target/chromium/*-chromedriver.log): "
                    + e.getMessage(), e);
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** Fails, naming the fix, when Debian's chromium or chromium-driver is missing. */
    public static void requireInstalled() {
        for (Path p : List.of(BINARY, DRIVER)) {
            if (!Files.isExecutable(p)) {
                throw new IllegalStateException(p + " is missing: the browser tests need Debian's chromium and"
                        + " chromium-driver. Run .ci/run as root, or apt-get install -y chromium chromium-driver");
            }
        }
    }

    /** The Selenium driver, for anything not wrapped here. */
    public ChromeDriver driver() {
        return driver;
    }

    public String name() {
        return name;
    }

    // ---------------------------------------------------------------- navigation and the page

    public Chromium open(URI url) {
        driver.get(url.toString());
        return this;
    }

    /** Opens a URL given as text (also {@code data:} and {@code about:} URLs). */
    public Chromium open(String url) {
        driver.get(url);
        return this;
    }

    /** The current frame's top-level page address. */
    public String url() {
        return driver.getCurrentUrl();
    }

    /** Waits until an element matches the CSS selector, e.g. {@code body[data-state="monitoring"]}. */
    public WebElement waitFor(String css) {
        return waitFor(css, DEFAULT_WAIT);
    }

    public WebElement waitFor(String css, Duration timeout) {
        try {
            return new WebDriverWait(driver, timeout).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
        } catch (TimeoutException e) {
            throw new AssertionError("Nothing matched " + css + " within " + timeout.toSeconds() + " s on "
                    + driver.getCurrentUrl() + problems(), e);
        }
    }

    /** Waits until an element matches the CSS selector and is displayed. */
    public WebElement waitForVisible(String css) {
        return waitForVisible(css, DEFAULT_WAIT);
    }

    public WebElement waitForVisible(String css, Duration timeout) {
        try {
            return new WebDriverWait(driver, timeout)
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        } catch (TimeoutException e) {
            throw new AssertionError("No visible " + css + " within " + timeout.toSeconds() + " s on "
                    + driver.getCurrentUrl() + problems(), e);
        }
    }

    /** Waits until the first element matching {@code css} has {@code attribute} equal to {@code value}. */
    public WebElement waitForAttribute(String css, String attribute, String value) {
        return waitForAttribute(css, attribute, value, DEFAULT_WAIT);
    }

    public WebElement waitForAttribute(String css, String attribute, String value, Duration timeout) {
        try {
            // a page that reloads meanwhile leaves a stale element: look again
            new WebDriverWait(driver, timeout).ignoring(StaleElementReferenceException.class).until(d -> {
                List<WebElement> found = d.findElements(By.cssSelector(css));
                return !found.isEmpty() && value.equals(found.get(0).getDomAttribute(attribute));
            });
            return driver.findElement(By.cssSelector(css));
        } catch (TimeoutException e) {
            List<WebElement> found = driver.findElements(By.cssSelector(css));
            String actual = found.isEmpty() ? "no element" : attribute + "=" + found.get(0).getDomAttribute(attribute);
            throw new AssertionError(css + " never had " + attribute + "=\"" + value + "\" within "
                    + timeout.toSeconds() + " s (" + actual + ") on " + driver.getCurrentUrl() + problems(), e);
        }
    }

    /** Waits until a JavaScript expression is truthy, e.g. {@code "window.invigil && invigil.sent > 3"}. */
    public void waitUntil(String expression, Duration timeout) {
        try {
            new WebDriverWait(driver, timeout).until(d -> {
                Object v = ((JavascriptExecutor) d).executeScript("return !!(" + expression + ");");
                return Boolean.TRUE.equals(v);
            });
        } catch (TimeoutException e) {
            throw new AssertionError("Never true within " + timeout.toSeconds() + " s: " + expression + " on "
                    + driver.getCurrentUrl() + problems(), e);
        }
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /**
     * On the student journey page: accepts the consent, runs the camera check and starts monitoring, for an exam
     * whose identity and liveness checks are off for the student; returns once the page shows monitoring.
     */
    public Chromium consentAndCameraCheckToMonitoring(Duration step) {
        waitForAttribute("body", "data-state", "consent", step);
        click("#consent-accept");
        waitForAttribute("body", "data-state", "system-check", step);
        click("#camera-start");
        click("#system-check-run");
        waitForVisible("#system-check-result", step);
        click("#system-check-continue");
        waitForAttribute("body", "data-state", "ready", step);
        click("#start-monitoring");
        waitForAttribute("body", "data-state", "monitoring", step);
        return this;
    }

    /** Waits until the element is clickable, then clicks it. */
    public Chromium click(String css) {
        try {
            new WebDriverWait(driver, DEFAULT_WAIT).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)))
                    .click();
        } catch (TimeoutException e) {
            throw new AssertionError("Nothing clickable matched " + css + " on " + driver.getCurrentUrl() + problems(),
                    e);
        }
        return this;
    }

    /** Clears a field and types into it. */
    public Chromium type(String css, CharSequence text) {
        WebElement field = waitForVisible(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    public String text(String css) {
        return waitFor(css).getText();
    }

    /** Runs JavaScript in the current frame ({@code return ...} to get a value; arguments as {@code arguments[i]}). */
    public Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /**
     * Runs asynchronous JavaScript: the script calls {@code arguments[arguments.length - 1](result)} when done
     * (within 60 s).
     */
    public Object jsAsync(String script, Object... args) {
        return driver.executeAsyncScript(script, args);
    }

    // ---------------------------------------------------------------- frames

    /** Switches into the iframe matching the CSS selector (waiting for it); {@link #mainFrame()} to come back. */
    public Chromium frame(String css) {
        try {
            new WebDriverWait(driver, DEFAULT_WAIT)
                    .until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector(css)));
        } catch (TimeoutException e) {
            throw new AssertionError("No iframe " + css + " on " + driver.getCurrentUrl() + problems(), e);
        }
        return this;
    }

    public Chromium parentFrame() {
        driver.switchTo().parentFrame();
        return this;
    }

    public Chromium mainFrame() {
        driver.switchTo().defaultContent();
        return this;
    }

    // ---------------------------------------------------------------- evidence

    /** Saves a PNG of the viewport as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        Path file = TARGET.resolve("screenshots").resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Everything the pages logged to the console so far (messages, uncaught errors, failed loads), oldest first. */
    public synchronized List<LogEntry> consoleLog() {
        if (!closed) {
            try {
                driver.manage().logs().get(LogType.BROWSER).forEach(console::add);
            } catch (RuntimeException e) {
                // the browser is gone: keep what was read before
            }
        }
        return List.copyOf(console);
    }

    /** Console entries at level SEVERE: uncaught exceptions, {@code console.error}, failed requests. */
    public List<String> jsErrors() {
        return consoleLog().stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** Fails listing the SEVERE console entries that do not contain any of the expected fragments. */
    public void assertNoJsErrors(String... expectedFragments) {
        List<String> errors = jsErrors().stream()
                .filter(m -> Stream.of(expectedFragments).noneMatch(m::contains)).toList();
        if (!errors.isEmpty()) {
            throw new AssertionError("JavaScript errors on " + driver.getCurrentUrl() + ":\n  "
                    + String.join("\n  ", errors));
        }
    }

    private String problems() {
        List<String> errors = jsErrors();
        return errors.isEmpty() ? "" : "\nconsole errors:\n  " + String.join("\n  ", errors);
    }

    // ---------------------------------------------------------------- network and DevTools

    /** A Chrome DevTools Protocol command on the current page's target, e.g. {@code Network.clearBrowserCache}. */
    public Map<String, Object> cdp(String method, Map<String, Object> params) {
        return driver.executeCdpCommand(method, params);
    }

    /**
     * Cuts the page off the network as DevTools does: requests fail with {@code net::ERR_INTERNET_DISCONNECTED},
     * {@code navigator.onLine} turns false and the page and its iframes get an {@code offline} event. Covers the
     * page and the iframes it has now, cross-site ones included (each is attached as its own DevTools target); an
     * iframe created later is not cut off.
     */
    public Chromium offline() {
        return networkConditions(true);
    }

    /** Back online: {@code navigator.onLine} is true again and the page gets an {@code online} event. */
    public Chromium online() {
        return networkConditions(false);
    }

    private Chromium networkConditions(boolean offline) {
        Map<String, Object> conditions = new LinkedHashMap<>();
        conditions.put("offline", offline);
        conditions.put("latency", 0);
        conditions.put("downloadThroughput", -1);
        conditions.put("uploadThroughput", -1);
        cdp("Network.enable", Map.of());
        cdp("Network.emulateNetworkConditions", conditions);
        // Cross-site iframes run in their own renderer, a separate DevTools target that commands on the page do not
        // reach: attach to each one and send it the same command.
        List<String> messages = List.of(
                JSON.toJson(Map.of("id", ++cdpMessageId, "method", "Network.enable", "params", Map.of())),
                JSON.toJson(Map.of("id", ++cdpMessageId, "method", "Network.emulateNetworkConditions",
                        "params", conditions)));
        for (String iframe : iframeTargets()) {
            for (int attempt = 0; attempt < 2; attempt++) {
                String session = iframeSessions.computeIfAbsent(iframe, id -> (String) cdp("Target.attachToTarget",
                        Map.of("targetId", id, "flatten", false)).get("sessionId"));
                try {
                    for (String message : messages) {
                        cdp("Target.sendMessageToTarget", Map.of("sessionId", session, "message", message));
                    }
                    break;
                } catch (WebDriverException e) {
                    iframeSessions.remove(iframe);
                    if (attempt == 1) {
                        throw e;
                    }
                }
            }
        }
        return this;
    }

    @SuppressWarnings("unchecked")
    private List<String> iframeTargets() {
        List<Map<String, Object>> targets = (List<Map<String, Object>>) cdp("Target.getTargets", Map.of())
                .get("targetInfos");
        return targets.stream().filter(t -> "iframe".equals(t.get("type"))).map(t -> (String) t.get("targetId"))
                .toList();
    }

    // ---------------------------------------------------------------- the camera as a page sees it

    /** Frames the page's camera delivered, drawn to a canvas and encoded as the browser client does. */
    public record CameraFrames(String deviceLabel, int width, int height, List<byte[]> jpegs) {
    }

    /**
     * Opens the camera from the current page ({@code getUserMedia({video: true})}), draws {@code count} frames to a
     * canvas at least {@code gap} apart (each a new video frame) and returns them as JPEGs from
     * {@code canvas.toBlob('image/jpeg')}. The page must be a secure context (localhost, 127.0.0.1 or https).
     */
    @SuppressWarnings("unchecked")
    public CameraFrames grabCameraFrames(int count, Duration gap) {
        Object result = jsAsync("""
                const [count, gapMs, done] = arguments;
                (async () => {
                  const stream = await navigator.mediaDevices.getUserMedia({video: {width: 640, height: 480}});
                  const video = document.createElement('video');
                  video.muted = true; video.playsInline = true; video.srcObject = stream;
                  await video.play();
                  const nextFrame = () => new Promise(resolve => video.requestVideoFrameCallback
                      ? video.requestVideoFrameCallback(() => resolve())
                      : setTimeout(resolve, 120));
                  await nextFrame();
                  const canvas = document.createElement('canvas');
                  canvas.width = video.videoWidth; canvas.height = video.videoHeight;
                  const context = canvas.getContext('2d');
                  const jpegs = [];
                  for (let i = 0; i < count; i++) {
                    if (i > 0) { await new Promise(r => setTimeout(r, gapMs)); await nextFrame(); }
                    context.drawImage(video, 0, 0, canvas.width, canvas.height);
                    const blob = await new Promise(r => canvas.toBlob(r, 'image/jpeg', 0.92));
                    jpegs.push(await new Promise(r => {
                      const reader = new FileReader();
                      reader.onload = () => r(reader.result.substring(reader.result.indexOf(',') + 1));
                      reader.readAsDataURL(blob);
                    }));
                  }
                  const label = stream.getVideoTracks()[0].label;
                  stream.getTracks().forEach(t => t.stop());
                  done({label, width: canvas.width, height: canvas.height, jpegs});
                })().catch(e => done({error: String(e && e.name ? e.name + ': ' + e.message : e)}));
                """, count, gap.toMillis());
        Map<String, Object> map = (Map<String, Object>) Objects.requireNonNull(result, "no result from the page");
        if (map.containsKey("error")) {
            throw new AssertionError("The page could not read the camera: " + map.get("error") + problems());
        }
        List<byte[]> jpegs = ((List<String>) map.get("jpegs")).stream().map(Base64.getDecoder()::decode).toList();
        return new CameraFrames((String) map.get("label"), ((Number) map.get("width")).intValue(),
                ((Number) map.get("height")).intValue(), jpegs);
    }

    // ---------------------------------------------------------------- closing

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        consoleLog();
        closed = true;
        try {
            driver.quit();
        } catch (RuntimeException e) {
            // already gone
        } finally {
            service.stop();
            deleteProfile();
        }
    }

    private void deleteProfile() {
        if (profile == null || !Files.exists(profile)) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover profile under target/ is harmless
        }
    }
}
