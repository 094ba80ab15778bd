package org.invigil.vision.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.invigil.vision.entity.SimilarityMetric;

/**
 * Makes the one {@link VisionEngine} of the application from MicroProfile Config keys under {@code invigil.vision.}
 * (environment variables by the MicroProfile mapping, e.g. {@code INVIGIL_VISION_WORKERS}); every key is optional.
 * The engine starts on first use and closes with the application.
 * <table>
 * <caption>Keys</caption>
 * <tr><td>{@code invigil.vision.detector}</td><td>{@code blazeface-full-range} (default),
 * {@code blazeface-short-range} or {@code yunet}</td></tr>
 * <tr><td>{@code invigil.vision.detector.model}</td><td>the YuNet ONNX file</td></tr>
 * <tr><td>{@code invigil.vision.detector.min-score}</td><td>default 0.6 (full range), 0.5 (short range)</td></tr>
 * <tr><td>{@code invigil.vision.descriptor}</td><td>{@code dlib-resnet} (default) or {@code sface}</td></tr>
 * <tr><td>{@code invigil.vision.descriptor.model}</td><td>the SFace ONNX file</td></tr>
 * <tr><td>{@code invigil.vision.identity.match}, {@code .review}</td><td>verdict thresholds in the descriptor's
 * metric (dlib: distance 0.50 and 0.65; SFace: similarity 0.363 and 0.30)</td></tr>
 * <tr><td>{@code invigil.vision.workers}, {@code .queue}</td><td>worker threads (default: cores) and queue places
 * (default: sized from the service time measured at start, see {@link VisionEngine})</td></tr>
 * <tr><td>{@code invigil.vision.detect-every}</td><td>monitoring: the detector runs at least on every this many
 * frames of an attempt (default 5); between, Face Mesh follows the faces found</td></tr>
 * <tr><td>{@code invigil.vision.max-wait-ms}</td><td>default 10000</td></tr>
 * <tr><td>{@code invigil.vision.max-bytes}, {@code .max-pixels}, {@code .max-side}</td><td>input limits, default
 * 8 MiB, 3840 x 2160, 8192</td></tr>
 * <tr><td>{@code invigil.vision.mesh-faces}</td><td>faces per frame that get landmarks, default 4</td></tr>
 * </table>
 */
@ApplicationScoped
public class VisionConfiguration {

    private static final String PREFIX = "invigil.vision.";

    private Config config;

    protected VisionConfiguration() {
        // for CDI
    }

    @Inject
    public VisionConfiguration(Config config) {
        this.config = config;
    }

    @Produces
    @ApplicationScoped
    public VisionEngine engine() {
        return new VisionEngine(settings(key -> config.getOptionalValue(key, String.class)));
    }

    public void close(@Disposes VisionEngine engine) {
        engine.close();
    }

    /** The settings from configuration values looked up by full key; absent keys keep the defaults. */
    public static VisionSettings settings(Function<String, Optional<String>> lookup) {
        VisionSettings defaults = VisionSettings.defaults();
        Function<String, Optional<String>> value = key -> lookup.apply(PREFIX + key).map(String::trim)
                .filter(v -> !v.isEmpty());

        VisionSettings.Detector detector = value.apply("detector").map(v -> enumValue(VisionSettings.Detector.class,
                v.replace("blazeface-", "blazeface_"), "detector")).orElse(defaults.detector());
        double defaultScore = detector == VisionSettings.Detector.BLAZEFACE_SHORT_RANGE
                ? BlazeFaceDetector.Variant.SHORT_RANGE.defaultMinScore()
                : BlazeFaceDetector.Variant.FULL_RANGE.defaultMinScore();
        VisionSettings settings = defaults.withDetector(detector,
                value.apply("detector.model").map(Path::of).orElse(null),
                value.apply("detector.min-score").map(v -> number(v, "detector.min-score")).orElse(defaultScore));

        VisionSettings.Descriptor descriptor = value.apply("descriptor")
                .map(v -> enumValue(VisionSettings.Descriptor.class, v, "descriptor")).orElse(defaults.descriptor());
        IdentityThresholds base = descriptor == VisionSettings.Descriptor.SFACE ? IdentityThresholds.SFACE
                : IdentityThresholds.DLIB_RESNET;
        SimilarityMetric metric = base.metric();
        IdentityThresholds thresholds = new IdentityThresholds(metric,
                value.apply("identity.match").map(v -> number(v, "identity.match")).orElse(base.match()),
                value.apply("identity.review").map(v -> number(v, "identity.review")).orElse(base.review()),
                base.typical());
        settings = settings.withDescriptor(descriptor, value.apply("descriptor.model").map(Path::of).orElse(null),
                thresholds);

        int workers = value.apply("workers").map(v -> (int) number(v, "workers")).orElse(settings.workers());
        int queue = value.apply("queue").map(v -> (int) number(v, "queue")).orElse(VisionSettings.SIZED_QUEUE);
        Duration maxWait = value.apply("max-wait-ms").map(v -> Duration.ofMillis((long) number(v, "max-wait-ms")))
                .orElse(settings.maxWait());
        settings = settings.withWorkers(workers, queue, maxWait);
        settings = settings.withLimits(
                value.apply("max-bytes").map(v -> (long) number(v, "max-bytes")).orElse(settings.maxBytes()),
                value.apply("max-pixels").map(v -> (long) number(v, "max-pixels")).orElse(settings.maxPixels()),
                value.apply("max-side").map(v -> (int) number(v, "max-side")).orElse(settings.maxSide()));
        settings = settings.withDetectEvery(value.apply("detect-every").map(v -> (int) number(v, "detect-every"))
                .orElse(settings.detectEvery()));
        return settings.withMesh(value.apply("mesh-faces").map(v -> (int) number(v, "mesh-faces"))
                .orElse(settings.meshFaces()), settings.minMeshPresence());
    }

    private static double number(String value, String key) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + key + " must be a number, not '" + value + "'", e);
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String key) {
        try {
            return Enum.valueOf(type, value.replace('-', '_').toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PREFIX + key + " has no value '" + value + "'", e);
        }
    }
}
