package org.invigil.a11y;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.invigil.browser.Chromium;

/**
 * axe-core (Deque, MPL-2.0) run in a page: the build fetches it from npm at test time into {@code target/axe-core}
 * (pinned version and sha256, see the pom's axe-core block); it is injected into the page under test and run there.
 * WCAG 2.0/2.1/2.2 A and AA rules and axe's best practices.
 */
public final class Axe {

    private static final Logger LOG = Logger.getLogger(Axe.class.getName());
    private static final Path SOURCE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
            .resolve("target/axe-core/package/axe.min.js");
    private static String source;

    /** One rule a page breaks, with its impact and the elements that break it. */
    public record Violation(String rule, String impact, String help, List<String> targets) {
        @Override
        public String toString() {
            return impact + " " + rule + ": " + help + " " + targets;
        }
    }

    /** What axe found on one page. */
    public record Result(String page, String url, List<Violation> violations) {

        public Map<String, Integer> countsByImpact() {
            Map<String, Integer> counts = new TreeMap<>();
            for (String impact : List.of("critical", "serious", "moderate", "minor")) {
                counts.put(impact, 0);
            }
            violations.forEach(v -> counts.merge(v.impact(), v.targets().size(), Integer::sum));
            return counts;
        }

        public List<Violation> seriousOrCritical() {
            return violations.stream().filter(v -> v.impact().equals("serious") || v.impact().equals("critical"))
                    .toList();
        }

        /** Fails listing every serious or critical violation; logs the counts by impact either way. */
        public Result assertNoSeriousOrCritical() {
            if (!seriousOrCritical().isEmpty()) {
                throw new AssertionError("axe-core: serious or critical violations on " + page + " (" + url + "):\n  "
                        + String.join("\n  ", seriousOrCritical().stream().map(Violation::toString).toList()));
            }
            return this;
        }
    }

    private Axe() {
    }

    /** Runs axe-core on the page the browser shows now, logs and returns what it found. */
    @SuppressWarnings("unchecked")
    public static Result run(Chromium chromium, String page) {
        chromium.js(source() + "\n;return typeof window.axe;");
        Object answer = chromium.jsAsync("""
                const done = arguments[arguments.length - 1];
                window.axe.run(document, {
                  runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']},
                  resultTypes: ['violations']
                }).then(r => done(r.violations.map(v => ({rule: v.id, impact: v.impact || 'minor', help: v.help,
                    targets: v.nodes.map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' '))}))))
                  .catch(e => done({error: String(e)}));
                """);
        if (answer instanceof Map<?, ?> map && map.containsKey("error")) {
            throw new AssertionError("axe-core did not run on " + page + ": " + map.get("error"));
        }
        List<Violation> violations = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) answer) {
            violations.add(new Violation((String) v.get("rule"), (String) v.get("impact"), (String) v.get("help"),
                    (List<String>) v.get("targets")));
        }
        Result result = new Result(page, chromium.url(), violations);
        LOG.info(() -> "axe-core " + page + ": " + result.countsByImpact() + (violations.isEmpty() ? ""
                : "\n  " + String.join("\n  ", violations.stream().map(Violation::toString).toList())));
        return result;
    }

    private static synchronized String source() {
        if (source == null) {
            if (!Files.isRegularFile(SOURCE)) {
                throw new IllegalStateException(SOURCE + " is missing: the build fetches axe-core from npm in "
                        + "process-test-resources (mvn verify); it needs npm on the PATH.");
            }
            try {
                source = Files.readString(SOURCE, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }
}
