package org.invigil.vision.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.invigil.vision.DebianPhotos;
import org.invigil.vision.TestEngine;
import org.invigil.vision.control.RejectedImageException.Reason;
import org.invigil.vision.entity.DescribedFace;
import org.invigil.vision.entity.FrameAnalysis;
import org.invigil.journey.boundary.TestPictures;
import org.invigil.vision.entity.IdentityComparison;
import org.invigil.vision.entity.IdentityVerdict;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.Mat;

class VisionEngineTest {

    private static byte[] portrait() {
        return TestEngine.bytes(DebianPhotos.graceHopper());
    }

    /** Many callers at once on a small pool: every answer equals the single-threaded one, or is an overload signal. */
    @Test
    void answersConcurrentCallersWithTheSameResultsOrAnOverloadSignal() throws Exception {
        byte[] jpeg = portrait();
        FrameAnalysis expected = TestEngine.analyzer().analyse(jpeg);
        VisionSettings settings = VisionSettings.defaults().withWorkers(2, 2, Duration.ofSeconds(30));
        AtomicInteger overloaded = new AtomicInteger();
        List<FrameAnalysis> results = Collections.synchronizedList(new ArrayList<>());
        try (VisionEngine engine = new VisionEngine(settings, TestEngine.models())) {
            ExecutorService callers = Executors.newFixedThreadPool(12);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                calls.add(callers.submit(() -> {
                    start.await();
                    try {
                        results.add(engine.analyse(jpeg));
                    } catch (VisionOverloadedException e) {
                        overloaded.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> call : calls) {
                call.get(120, TimeUnit.SECONDS);
            }
            callers.shutdown();
        }
        System.out.printf("vision: 48 calls from 12 threads on 2 workers + 2 queued: %d answered, %d overloaded%n",
                results.size(), overloaded.get());
        assertEquals(48, results.size() + overloaded.get());
        assertTrue(overloaded.get() > 0, "12 simultaneous callers must overflow 2 workers and 2 queue places");
        assertTrue(results.size() >= 2, "at least the queued frames are answered");
        for (FrameAnalysis r : results) {
            assertEquals(expected.faces(), r.faces());
            assertEquals(expected.quality(), r.quality());
        }
    }

    @Test
    void eachWorkerThreadOwnsItsAnalyzer() throws Exception {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        VisionSettings settings = VisionSettings.defaults().withWorkers(2, 64, Duration.ofSeconds(60));
        try (VisionEngine engine = new VisionEngine(settings, TestEngine.models())) {
            ExecutorService callers = Executors.newFixedThreadPool(4);
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(callers.submit(() -> engine.analyse(portrait())));
            }
            for (Future<?> call : calls) {
                call.get(120, TimeUnit.SECONDS);
            }
            callers.shutdown();
            Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                    .filter(n -> n.startsWith("invigil-vision-")).forEach(threads::add);
        }
        assertEquals(2, threads.size(), "a fixed pool of two worker threads: " + threads);
    }

    /** Three callers on one worker with one queue place: whoever finds both taken is told so at once. */
    @Test
    void aFullQueueFailsAtOnceInsteadOfWaiting() throws Exception {
        VisionSettings settings = VisionSettings.defaults().withWorkers(1, 1, Duration.ofSeconds(30));
        byte[] big = TestEngine.bytes(DebianPhotos.dlibFaces().resolve("bald_guys.jpg"));
        byte[] small = portrait();
        List<Long> overloadNanos = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger answered = new AtomicInteger();
        try (VisionEngine engine = new VisionEngine(settings, TestEngine.models())) {
            ExecutorService callers = Executors.newFixedThreadPool(3);
            List<Future<?>> calls = new ArrayList<>();
            for (byte[] frame : new byte[][] {big, big, small}) {
                calls.add(callers.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        long started = System.nanoTime();
                        try {
                            engine.analyse(frame);
                            answered.incrementAndGet();
                        } catch (VisionOverloadedException e) {
                            overloadNanos.add(System.nanoTime() - started);
                            assertTrue(e.getMessage().contains("busy"), e.getMessage());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> call : calls) {
                call.get(120, TimeUnit.SECONDS);
            }
            callers.shutdown();
        }
        long slowest = overloadNanos.stream().mapToLong(Long::longValue).max().orElse(0);
        System.out.printf("vision: 1 worker, 1 queue place, 3 callers: %d answered, %d overloaded (slowest signal %.1f ms)%n",
                answered.get(), overloadNanos.size(), slowest / 1e6);
        assertTrue(answered.get() > 0);
        assertTrue(!overloadNanos.isEmpty(), "no overload signal while the only worker was busy");
        assertTrue(slowest < TimeUnit.SECONDS.toNanos(2), "an overload signal must not wait for the worker");
    }

    @Test
    void badInputGivesTypedErrorsAndTheEngineCarriesOn() throws Exception {
        VisionSettings settings = VisionSettings.defaults().withWorkers(1, 4, Duration.ofSeconds(30));
        Mat photo = TestEngine.read(DebianPhotos.graceHopper());
        byte[] jpeg = TestEngine.jpeg(photo, 90);
        try (VisionEngine engine = new VisionEngine(settings, TestEngine.models())) {
            assertEquals(Reason.EMPTY,
                    assertThrows(RejectedImageException.class, () -> engine.analyse(new byte[0])).reason());
            assertEquals(Reason.NOT_AN_IMAGE, assertThrows(RejectedImageException.class,
                    () -> engine.analyse("not an image".getBytes())).reason());
            assertEquals(Reason.TRUNCATED, assertThrows(RejectedImageException.class,
                    () -> engine.analyse(java.util.Arrays.copyOf(jpeg, jpeg.length / 3))).reason());
            assertEquals(1, engine.analyse(jpeg).faceCount());
        }
    }

    @Test
    void comparesTwoPhotosOfOnePersonAsAMatch() throws Exception {
        Mat photo = TestEngine.read(DebianPhotos.graceHopper());
        Mat mirrored = new Mat();
        Core.flip(photo, mirrored, 1);
        try (VisionEngine engine = new VisionEngine(VisionSettings.defaults(), TestEngine.models())) {
            DescribedFace a = engine.describe(TestEngine.jpeg(photo, 90)).get(0);
            DescribedFace b = engine.describe(TestEngine.jpeg(mirrored, 60)).get(0);
            IdentityComparison same = engine.compare(a.descriptor(), b.descriptor());
            assertEquals(IdentityVerdict.MATCH, same.verdict(), same.toString());
            assertEquals("dlib_face_recognition_resnet_model_v1", same.model().name());
        }
    }

    @Test
    void refusesAMissingConfiguredModel() {
        VisionSettings yuNet = VisionSettings.defaults()
                .withDetector(VisionSettings.Detector.YUNET, Path.of("target/no-such-yunet.onnx"), 0.6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new VisionEngine(yuNet, TestEngine.models()));
        assertTrue(e.getMessage().contains("no-such-yunet.onnx"), e.getMessage());
    }

    /** The queue holds what the workers analyse in half the longest wait, within its bounds. */
    @Test
    void aQueueSizedFromTheServiceTimeTakesWhatTheWorkersAnswerInHalfTheWait() {
        assertEquals(1000, VisionEngine.sizedQueue(2, 10, Duration.ofSeconds(10)));
        assertEquals(VisionEngine.MAX_SIZED_QUEUE, VisionEngine.sizedQueue(2, 0.5, Duration.ofSeconds(10)));
        assertEquals(4, VisionEngine.sizedQueue(2, 5000, Duration.ofSeconds(10)), "never fewer than two per worker");
        assertEquals(4, VisionEngine.sizedQueue(2, 0, Duration.ofSeconds(10)), "nothing measured: two per worker");
    }

    /** By default the engine measures its workers at start and sizes the queue from that; a configured size wins. */
    @Test
    void theDefaultQueueIsSizedFromTheTimeMeasuredAtStart() {
        VisionSettings sized = VisionSettings.defaults().withWorkers(1, VisionSettings.SIZED_QUEUE,
                Duration.ofSeconds(10));
        try (VisionEngine engine = new VisionEngine(sized, TestEngine.models())) {
            assertTrue(engine.serviceMillis() > 0, "measured");
            assertEquals(VisionEngine.sizedQueue(1, engine.serviceMillis(), Duration.ofSeconds(10)),
                    engine.queueCapacity());
            assertTrue(engine.queueCapacity() > 2, "a burst of frames waits instead of being refused");
        }
        try (VisionEngine engine = new VisionEngine(VisionSettings.defaults().withWorkers(1, 3,
                Duration.ofSeconds(10)), TestEngine.models())) {
            assertEquals(3, engine.queueCapacity());
        }
    }

    /** Each attempt's frames follow that attempt's faces only. */
    @Test
    void monitoringFollowsEachAttemptOnItsOwn() {
        byte[] jpeg = TestPictures.referencePerson();
        byte[] none = TestPictures.noFace();
        try (VisionEngine engine = new VisionEngine(VisionSettings.defaults().withWorkers(1, 4,
                Duration.ofSeconds(30)), TestEngine.models())) {
            assertEquals(MonitoredFrame.Stage.DETECTED, engine.monitor("a", jpeg, false).stage());
            assertEquals(MonitoredFrame.Stage.DETECTED, engine.monitor("b", none, false).stage());
            assertTrue(engine.monitor("a", TestPictures.referencePerson(), false).stage()
                    != MonitoredFrame.Stage.DETECTED, "a's face is followed");
            assertEquals(MonitoredFrame.Stage.DETECTED, engine.monitor("b", jpeg, false).stage(),
                    "b had no face to follow");
            engine.forget("a");
            assertEquals(MonitoredFrame.Stage.DETECTED, engine.monitor("a", jpeg, false).stage(), "forgotten");
        }
    }
}
