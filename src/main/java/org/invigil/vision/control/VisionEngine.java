package org.invigil.vision.control;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.invigil.vision.entity.DescribedFace;
import org.invigil.vision.entity.FaceDescriptor;
import org.invigil.vision.entity.FrameAnalysis;
import org.invigil.vision.entity.IdentityComparison;

/**
 * The face analysis engine: a fixed pool of worker threads (by default one per core), each with its own
 * {@link FaceAnalyzer} and so its own networks, fed by a bounded queue. When the queue is full a call fails at once
 * with {@link VisionOverloadedException}; a caller never waits longer than {@link VisionSettings#maxWait()}.
 * Thread-safe.
 */
public class VisionEngine implements AutoCloseable {

    private static final int STARTUP_LIMIT_SECONDS = 300;
    private static final Object MODEL_LOADING = new Object();

    private final VisionSettings settings;
    private final ThreadPoolExecutor pool;

    /** For CDI's client proxy only ({@link VisionConfiguration} produces the real engine). */
    protected VisionEngine() {
        this.settings = null;
        this.pool = null;
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
        this.pool = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.queueCapacity()),
                task -> new Worker(task, "invigil-vision-" + counter.incrementAndGet(), models, settings, ready),
                new ThreadPoolExecutor.AbortPolicy());
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

    /** Compares two descriptors of the same model under the configured thresholds. */
    public IdentityComparison compare(FaceDescriptor a, FaceDescriptor b) {
        return settings.identityThresholds().compare(a, b);
    }

    private <T> T run(Function<FaceAnalyzer, T> work) {
        Callable<T> task = () -> work.apply(((Worker) Thread.currentThread()).analyzer());
        Future<T> future;
        try {
            future = pool.submit(task);
        } catch (RejectedExecutionException e) {
            if (pool.isShutdown()) {
                throw new IllegalStateException("The vision engine is closed", e);
            }
            throw new VisionOverloadedException("The vision engine is busy: " + settings.workers() + " workers and "
                    + settings.queueCapacity() + " queued frames");
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
        private FaceAnalyzer analyzer;
        private RuntimeException startFailure;

        Worker(Runnable task, String name, VisionModels models, VisionSettings settings, CountDownLatch ready) {
            super(task, name);
            this.models = models;
            this.settings = settings;
            this.ready = ready;
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

        FaceAnalyzer analyzer() {
            if (analyzer == null) {
                throw new IllegalStateException("A vision worker could not load its models", startFailure);
            }
            return analyzer;
        }
    }
}
