/**
 * Tests in real headless Chromium with a fake webcam, against the real WAR.
 *
 * <h2>Pieces</h2>
 * <ul>
 * <li>{@link org.invigil.browser.FakeCamera} builds the webcam videos in test setup from real photos (Debian packages,
 * see {@link org.invigil.vision.DebianPhotos}) as Y4M files under {@code target/fake-camera/}, once per content:
 * {@code referencePerson()} (Grace Hopper), {@code anotherPerson()} (the astronaut),
 * {@code referenceThenAnother(secondsEach)}, {@code twoPeople()}, {@code noFace()} (coffee on a table),
 * {@code coveredCamera()}; or any list of segments with {@code video(name, photo(...), sideBySide(...), covered(...),
 * frame(...))}. Videos are 640x480 at 10 fps and loop; every frame carries its own sensor noise, so no two
 * consecutive frames are pixel-identical (the server's frozen-camera rule would fire). {@code jpegOf(photo, 640, 480)}
 * gives the same composed picture as a JPEG for API-level tests.</li>
 * <li>{@link org.invigil.browser.Chromium} is Debian's {@code /usr/bin/chromium} through {@code /usr/bin/chromedriver}
 * (Selenium 4.45), headless, with camera permission granted and the fake webcam playing one video. It opens pages,
 * waits for selectors or attribute values, clicks, types, runs JavaScript, enters iframes, takes screenshots into
 * {@code target/screenshots/}, goes {@code offline()} and {@code online()} (page and iframes, cross-site ones
 * included), collects the console ({@code jsErrors()}, {@code assertNoJsErrors(...)}) and can grab camera frames as
 * the page sees them ({@code grabCameraFrames}).</li>
 * <li>{@link org.invigil.browser.Browsers} is a JUnit 5 extension that closes the browsers a test started and, when
 * the test failed, keeps a screenshot, the console and the HTML of each.</li>
 * </ul>
 *
 * <h2>Usage</h2>
 * <pre>{@code
 * class MonitoringIT {
 *
 *     @RegisterExtension
 *     final Browsers browsers = new Browsers();
 *
 *     @Test
 *     void aStudentIsMonitored() {
 *         Chromium chromium = browsers.start(FakeCamera.referencePerson());
 *         chromium.open(launchUrl);                       // e.g. from the LTI platform simulator
 *         chromium.click("#consent-accept");
 *         chromium.waitForAttribute("body", "data-state", "monitoring");
 *         chromium.frame("iframe#invigil-monitor");       // the monitor inside the quiz page
 *         chromium.mainFrame();
 *         chromium.offline();                             // buffered ...
 *         chromium.online();                              // ... and resent
 *         chromium.screenshot("monitoring");
 *         chromium.assertNoJsErrors("favicon");
 *     }
 * }
 * }</pre>
 * Outside a JUnit extension: {@code try (Chromium chromium = Chromium.start(FakeCamera.noFace())) { ... }}, or
 * {@code Chromium.options().camera(video).window(1024, 768).withoutSiteIsolation().start()}.
 *
 * <h2>Running</h2>
 * Browser tests are {@code *IT} classes, run by failsafe in {@code mvn verify} against the WAR the build starts (base
 * URL {@code invigil.it.base-url}, see {@link org.invigil.DeployedTool}). They need {@code chromium} and
 * {@code chromium-driver} from Debian: {@code .ci/run} installs them when run as root; by hand
 * {@code apt-get install -y chromium chromium-driver}. Without them a test fails with that advice; it is never
 * skipped. One file: {@code mvn verify -Dit.test=FakeCameraIT -Dtest=FakeCameraTest -Dsurefire.failIfNoSpecifiedTests=false}.
 * <p>
 * Camera access needs a secure context: pages on {@code 127.0.0.1}/{@code localhost} are; for another http origin use
 * {@code Chromium.options().treatAsSecure(origin)}. Chromium starts in about 3 s here; a video takes 0.1-0.2 s to write
 * (a 640x480 frame is 460 KB, so the ready-made videos are 3-5 s loops of 14-22 MB); start one
 * Chromium per test, not per assertion, and keep browser tests few and purposeful: the machine has 2 cores.
 * <p>
 * Offline emulation uses the DevTools {@code Network.emulateNetworkConditions} command on the page and on each iframe
 * present at the time; iframes created while offline, service workers and shared workers are not cut off.
 * Selenium 4.45 has no DevTools bindings for Chromium 156, so DevTools commands go through chromedriver
 * ({@link org.invigil.browser.Chromium#cdp}), not {@code HasDevTools}.
 */
package org.invigil.browser;
