package org.invigil.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.logging.LogEntry;

/**
 * JUnit 5 extension that starts {@link Chromium}s for a test and closes them after it; when the test failed it first
 * keeps, per browser, {@code target/screenshots/<Class>.<method>[-n].png}, the console log ({@code .console.txt}) and
 * the page's HTML ({@code .html}).
 *
 * <pre>{@code
 * @RegisterExtension
 * final Browsers browsers = new Browsers();
 *
 * @Test
 * void monitors() {
 *     Chromium chromium = browsers.start(FakeCamera.referencePerson());
 *     ...
 * }
 * }</pre>
 */
public final class Browsers implements AfterEachCallback {

    private final List<Chromium> started = new ArrayList<>();

    /** Chromium playing this fake-camera video. */
    public Chromium start(Path camera) {
        return start(Chromium.options().camera(camera)
                .name(camera.getFileName().toString().replaceFirst("-[0-9a-f]{12}\\.y4m$", "")));
    }

    /** Chromium with these options. */
    public Chromium start(Chromium.Options options) {
        Chromium chromium = options.start();
        synchronized (started) {
            started.add(chromium);
        }
        return chromium;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<Chromium> browsers;
        synchronized (started) {
            browsers = List.copyOf(started);
            started.clear();
        }
        boolean failed = context.getExecutionException().isPresent();
        String base = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        for (int i = 0; i < browsers.size(); i++) {
            Chromium chromium = browsers.get(i);
            try {
                if (failed) {
                    keepEvidence(chromium, browsers.size() == 1 ? base : base + "-" + (i + 1));
                }
            } catch (RuntimeException e) {
                System.err.println("Browsers: could not keep the evidence of " + base + ": " + e);
            } finally {
                chromium.close();
            }
        }
    }

    private static void keepEvidence(Chromium chromium, String name) {
        chromium.mainFrame();
        Path png = chromium.screenshot(name);
        StringBuilder console = new StringBuilder("url: " + chromium.url() + "\n");
        for (LogEntry e : chromium.consoleLog()) {
            console.append(e.getTimestamp()).append(' ').append(e.getLevel()).append(' ').append(e.getMessage())
                    .append('\n');
        }
        try {
            Files.writeString(png.resolveSibling(name + ".console.txt"), console, StandardCharsets.UTF_8);
            Files.writeString(png.resolveSibling(name + ".html"), chromium.driver().getPageSource(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long errors = chromium.consoleLog().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).count();
        System.err.println("Browsers: kept " + png + " and the console (" + errors + " errors) of the failed test");
    }
}
