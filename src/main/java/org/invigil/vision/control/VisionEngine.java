package org.invigil.vision.control;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.invigil.vision.entity.DescribedFace;
import org.invigil.vision.entity.FaceDescriptor;
import org.invigil.vision.entity.FrameAnalysis;
import org.invigil.vision.entity.IdentityComparison;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * The face analysis engine: a fixed pool of worker threads (by default one per core), each with its own
 * {@link FaceAnalyzer} and so its own networks, fed by a bounded queue. When the queue is full a call fails at once
 * with {@link VisionOverloadedException}; a caller never waits longer than {@link VisionSettings#maxWait()}.
 * <p>
 * Unless configured, the queue is sized from the service time the workers measure when they start (the analysis of
 * a 640x480 frame, which also warms the networks): as many frames as the workers can analyse in half the longest
 * wait, so that a burst (every student's timer firing at the start of an exam) waits instead of being refused, and
 * a frame that is let in is answered in time. Monitoring frames follow each attempt's faces ({@link #monitor}); the
 * engine keeps the latest {@link FaceTrack} of at most {@value #MAX_TRACKS} attempts, the least recently seen
 * forgotten first (its next frame is then analysed as a first one). Thread-safe.
 */
public class VisionEngine implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(VisionEngine.class.getName());
    private static final int STARTUP_LIMIT_SECONDS = 300;
    private static final Object MODEL_LOADING = new Object();
    static final int MAX_TRACKS = 20_000;
    /** The most frames a sized queue holds (each waits with its JPEG in memory). */
    static final int MAX_SIZED_QUEUE = 4096;
    private static final int CALIBRATION_RUNS = 7;

    private final VisionSettings settings;
    private final ThreadPoolExecutor pool;
    private final AtomicInteger admitted = new AtomicInteger();
    private final int queueCapacity;
    private final double serviceMillis;
    private final Map<String, FaceTrack> tracks = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, FaceTrack> eldest) {
                    return size() > MAX_TRACKS;
                }
            });

    /** For CDI's client proxy only ({@link VisionConfiguration} produces the real engine). */
    protected VisionEngine() {
        this.settings = null;
        this.pool = null;
        this.queueCapacity = 0;
        this.serviceMillis = 0;
    }

    public VisionEngine(VisionSettings settings) {
        this(settings, VisionModels.bundled());
    }

    public VisionEngine(VisionSettings settings, VisionModels models) {
        OpenCvNatives.load();
        requireReadable(settings.detector() == VisionSettings.Detector.YUNET ? settings.yuNetModel() : null);
        requireReadable(settings.descriptor() == VisionSettings.Descriptor.SFACE ? settings.sFaceModel() : null);
        this.settings = settings;
        AtomicInteger counter = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(settings.workers());
        double[] measured = new double[settings.workers()];
        this.pool = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(),
                task -> new Worker(task, "invigil-vision-" + counter.incrementAndGet(), models, settings, ready,
                        measured, counter.get() - 1),
                new ThreadPoolExecutor.AbortPolicy()) {
            @Override
            protected void afterExecute(Runnable task, Throwable failure) {
                // also for a task cancelled while it waited: the pool runs it, and it returns at once
                admitted.decrementAndGet();
            }
        };
        pool.prestartAllCoreThreads();
        try {
            // every worker loads its networks before the engine takes frames
            if (!ready.await(STARTUP_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                pool.shutdownNow();
                throw new IllegalStateException("The vision workers did not load their models within "
                        + STARTUP_LIMIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the vision workers loaded their models", e);
        }
        this.serviceMillis = Arrays.stream(measured).filter(ms -> ms > 0).average().orElse(0);
        this.queueCapacity = settings.queueCapacity() != VisionSettings.SIZED_QUEUE ? settings.queueCapacity()
                : sizedQueue(settings.workers(), serviceMillis, settings.maxWait());
        LOG.info(() -> String.format(Locale.ROOT, "Vision engine: %d workers, %.1f ms per frame measured at start, "
                + "%d queue places%s", settings.workers(), serviceMillis, queueCapacity,
                settings.queueCapacity() == VisionSettings.SIZED_QUEUE ? " (sized from that time)" : " (configured)"));
    }

    /**
     * Queue places for as many frames as the workers analyse in half the longest wait at the measured service time,
     * at least two per worker and at most {@value #MAX_SIZED_QUEUE}.
     */
    static int sizedQueue(int workers, double serviceMillis, Duration maxWait) {
        if (!(serviceMillis > 0)) {
            return 2 * workers;
        }
        double frames = workers * (maxWait.toMillis() / 2.0) / serviceMillis;
        return (int) Math.max(2L * workers, Math.min(MAX_SIZED_QUEUE, Math.round(frames)));
    }

    /** Queue places: configured, or sized from the service time measured at start. */
    public int queueCapacity() {
        return queueCapacity;
    }

    /** Milliseconds one worker took for a 640x480 frame when it started (mean of the workers' medians). */
    public double serviceMillis() {
        return serviceMillis;
    }

    private static void requireReadable(Path model) {
        if (model != null && !Files.isReadable(model)) {
            throw new IllegalArgumentException("The configured model " + model + " is not a readable file");
        }
    }

    public VisionSettings settings() {
        return settings;
    }

    /**
     * The monitoring analysis of one JPEG frame.
     *
     * @throws RejectedImageException     when the bytes are no acceptable JPEG
     * @throws VisionOverloadedException when the queue is full or the result took longer than the wait limit
     */
    public FrameAnalysis analyse(byte[] jpeg) {
        return run(analyzer -> analyzer.analyse(jpeg));
    }

    /**
     * The faces of one JPEG frame with an identity descriptor each (those that got landmarks, largest first).
     *
     * @throws RejectedImageException     when the bytes are no acceptable JPEG
     * @throws VisionOverloadedException when the queue is full or the result took longer than the wait limit
     */
    public List<DescribedFace> describe(byte[] jpeg) {
        return run(analyzer -> analyzer.describe(jpeg));
    }

    /**
     * One monitoring frame of an attempt, following the faces its previous frame left on this node (see
     * {@link FaceAnalyzer#monitor}); {@code describe} asks for the identity descriptor of a frame's one face.
     *
     * @throws RejectedImageException     when the bytes are no acceptable JPEG
     * @throws VisionOverloadedException when the queue is full or the result took longer than the wait limit
     */
    public MonitoredFrame monitor(String attempt, byte[] jpeg, boolean describe) {
        FaceTrack previous = tracks.get(attempt);
        MonitoredFrame frame = run(analyzer -> analyzer.monitor(jpeg, previous, describe));
        tracks.put(attempt, frame.track());
        return frame;
    }

    /** Forgets an attempt's track (its monitoring ended); a later frame starts a new one. */
    public void forget(String attempt) {
        tracks.remove(attempt);
    }

    /** Compares two descriptors of the same model under the configured thresholds. */
    public IdentityComparison compare(FaceDescriptor a, FaceDescriptor b) {
        return settings.identityThresholds().compare(a, b);
    }

    private <T> T run(Function<FaceAnalyzer, T> work) {
        Callable<T> task = () -> work.apply(((Worker) Thread.currentThread()).analyzer());
        Future<T> future;
        if (admitted.incrementAndGet() > settings.workers() + queueCapacity) {
            admitted.decrementAndGet();
            throw new VisionOverloadedException("The vision engine is busy: " + settings.workers() + " workers and "
                    + queueCapacity + " queued frames");
        }
        try {
            future = pool.submit(task);
        } catch (RejectedExecutionException e) {
            admitted.decrementAndGet();
            throw new IllegalStateException("The vision engine is closed", e);
        }
        try {
            return future.get(settings.maxWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new VisionOverloadedException("The vision engine did not answer within " + settings.maxWait());
        } catch (InterruptedException e) {
            future.cancel(false);
            Thread.currentThread().interrupt();
            throw new VisionOverloadedException("Interrupted while waiting for the vision engine");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(settings.maxWait().toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** A pool thread that owns one analyzer for its whole life. */
    private static final class Worker extends Thread {
        private final VisionModels models;
        private final VisionSettings settings;
        private final CountDownLatch ready;
        private final double[] measured;
        private final int index;
        private FaceAnalyzer analyzer;
        private RuntimeException startFailure;

        Worker(Runnable task, String name, VisionModels models, VisionSettings settings, CountDownLatch ready,
               double[] measured, int index) {
            super(task, name);
            this.models = models;
            this.settings = settings;
            this.ready = ready;
            this.measured = measured;
            this.index = index;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                // OpenCV's dnn importers register their layer factories lazily and not thread-safely: two workers
                // loading at once have failed with "Unsupported operator type MAX_POOL_2D". Load one at a time.
                synchronized (MODEL_LOADING) {
                    analyzer = new FaceAnalyzer(models, settings);
                }
                if (index >= 0 && index < measured.length) {
                    try {
                        measured[index] = calibrate(analyzer);
                    } catch (RuntimeException notMeasured) {
                        LOG.log(Level.WARNING, "A vision worker could not measure its service time", notMeasured);
                    }
                }
            } catch (RuntimeException e) {
                startFailure = e;
                ready.countDown();
                super.run();
                return;
            }
            ready.countDown();
            try {
                super.run();
            } finally {
                analyzer.close();
            }
        }

        /** The median time of a 640x480 frame's analysis, after one run that warms the networks. */
        private static double calibrate(FaceAnalyzer analyzer) {
            Mat frame = new Mat(480, 640, CvType.CV_8UC3);
            try {
                Core.randu(frame, 0, 256);
                analyzer.analyse(frame);
                double[] runs = new double[CALIBRATION_RUNS];
                for (int i = 0; i < runs.length; i++) {
                    long start = System.nanoTime();
                    analyzer.analyse(frame);
                    runs[i] = (System.nanoTime() - start) / 1e6;
                }
                Arrays.sort(runs);
                return runs[runs.length / 2];
            } finally {
                frame.release();
            }
        }

        FaceAnalyzer analyzer() {
            if (analyzer == null) {
                throw new IllegalStateException("A vision worker could not load its models", startFailure);
            }
            return analyzer;
        }
    }
}
