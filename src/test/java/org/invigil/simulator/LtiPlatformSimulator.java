package org.invigil.simulator;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * An in-process LTI 1.3 platform (the LMS) for tests, strict where Moodle is strict. It binds
 * {@code 127.0.0.1} on a random port and its issuer is {@code http://127.0.0.1:<port>}.
 *
 * <pre>{@code
 * try (LtiPlatformSimulator lms = LtiPlatformSimulator.start(Flavor.MOODLE)) {
 *     // dynamic registration: the admin opens the tool's registration page; the tool calls back the platform
 *     BrowserResponse done = lms.browser().get(lms.registrationStartUrl(URI.create(toolBase + "/lti/register")));
 *     ToolRegistration tool = lms.onlyRegistration().activate();   // Moodle leaves new tools pending
 *     // or, without DR: lms.registerTool(new ToolRegistration("client-1").deploymentIds("1")...)
 *
 *     User tea = lms.user("2", "Tea", "Cher");
 *     User stu = lms.user("3", "Stu", "Dent");
 *     Course chem = lms.course("2", "Chemistry 101").enrol(tea, Role.INSTRUCTOR).enrol(stu, Role.LEARNER);
 *
 *     // deep linking: the tool's final page auto-posts a JWT to the platform
 *     BrowserResponse picker = lms.launch(LaunchRequest.deepLinking(chem).as(tea)).run();
 *     BrowserResponse back = lms.browser().submitForm(picker);            // (after any picker interaction)
 *     ResourceLink exam = lms.deepLinkingResponses().get(0).resourceLinks().get(0);
 *
 *     // resource link launch; the tool then posts scores and reads the roster
 *     BrowserResponse page = lms.launch(LaunchRequest.resourceLink(exam).as(stu)).run();
 *     Score score = exam.lineItem().orElseThrow().score("3").orElseThrow();
 *     int tokenCalls = lms.tokenRequestCount();
 * }
 * }</pre>
 *
 * Endpoints (relative to the issuer): {@code /auth} (OIDC authorization, {@link OidcAuthorization}), {@code /jwks},
 * {@code /token} ({@link TokenEndpoint}), {@code /ags/...} ({@link AssignmentAndGradeService}), {@code /nrps/...}
 * ({@link NamesAndRoles}), {@code /.well-known/openid-configuration} and {@code /register}
 * ({@link DynamicRegistrationEndpoint}), {@code /deep-links/return} ({@link DeepLinkingReturn}),
 * {@code /proctoring/start-assessment}, {@code /proctoring/assessment/{id}} and {@code /proctoring/end-assessment}
 * ({@link StartAssessmentEndpoint}), {@code /proctoring/acs} ({@link AssessmentControlService}),
 * {@code /proctoring/roster/{linkId}} (Open edX's exam roster), {@code /login} (the learner's LMS sign-in,
 * {@link #signInUrl(User)}), {@code /users/{sub}/avatar}.
 * Every 4xx the platform answers is also kept in {@link #rejections()} with its reason.
 * <p>
 * Proctoring Services 1.0, e.g. with {@link Flavor#EDX}:
 * <pre>{@code
 * SimulatedBrowser learner = SimulatedBrowser.withCookies();
 * learner.get(lms.signInUrl(stu));                                  // Open edX needs the LMS session cookie
 * lms.launch(LaunchRequest.startProctoring(exam, 1).as(stu), learner).run();   // the tool runs its checks,
 * // then sends the browser, top-level, to start_assessment_url with its LtiStartAssessment JWT:
 * StartAssessmentEndpoint.Received started = lms.startAssessments().get(0);
 * // the tool's ACS calls: POST lms.acsUrl() with a control.all token
 * String review = lms.edxReviewStatus(exam, stu, 1).orElseThrow();          // verified, second_review_required, ...
 * // the learner finishes: LtiEndAssessment if the tool asked for end_assessment_return
 * BrowserResponse idTokenForm = learner.get(lms.endAssessmentLaunchUrl(exam, stu, 1));
 * }</pre>
 */
public final class LtiPlatformSimulator implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LtiPlatformSimulator.class.getName());
    /** The name of the LMS session cookie set by {@link #signInUrl(User)} (edx-exams' {@code SESSION_COOKIE_NAME}). */
    public static final String EDX_SESSION_COOKIE = LmsSessions.COOKIE;

    /** A 4xx/5xx answer of the platform and why. */
    public record Rejection(Instant at, String method, String path, int status, String reason) {
    }

    /** A request the platform received. */
    public record RecordedRequest(Instant at, String method, URI uri) {
    }

    @FunctionalInterface
    interface Handler {
        void handle(Exchange exchange) throws Exception;
    }

    private record Route(String method, Pattern path, Handler handler) {
    }

    private final Flavor flavor;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final String issuer;
    private final String guid = UUID.randomUUID().toString();
    private final PlatformKeys keys = new PlatformKeys();
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, Course> courses = new LinkedHashMap<>();
    private final Map<String, ToolRegistration> registrations = new LinkedHashMap<>();
    private final List<Rejection> rejections = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong lineItemIds = new AtomicLong(0);
    private final AtomicInteger typeIds = new AtomicInteger(0);
    private final SimulatedBrowser browser = new SimulatedBrowser();
    private volatile Clock clock = Clock.systemUTC();
    private volatile Duration idTokenLifetime;
    private volatile byte[] defaultAvatar;

    private final ToolJwtVerifier toolJwts;
    private final OidcAuthorization authorization;
    private final TokenEndpoint tokens;
    private final AssignmentAndGradeService ags;
    private final NamesAndRoles nrps;
    private final DynamicRegistrationEndpoint dynamicRegistration;
    private final DeepLinkingReturn deepLinkingReturn;
    private final StartAssessmentEndpoint startAssessment;
    private final ProctoredAttempts attempts;
    private final LmsSessions sessions;
    private final AssessmentControlService acs;
    private final ExamRoster roster;

    private LtiPlatformSimulator(Flavor flavor, String issuer) throws IOException {
        this.flavor = flavor;
        this.idTokenLifetime = flavor.defaultIdTokenLifetime();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        this.issuer = issuer == null ? baseUrl : issuer;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "lti-platform-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);

        this.toolJwts = new ToolJwtVerifier(this);
        this.authorization = new OidcAuthorization(this);
        this.tokens = new TokenEndpoint(this, toolJwts);
        this.ags = new AssignmentAndGradeService(this, tokens);
        this.nrps = new NamesAndRoles(this, tokens);
        this.dynamicRegistration = new DynamicRegistrationEndpoint(this);
        this.deepLinkingReturn = new DeepLinkingReturn(this, toolJwts, authorization);
        this.attempts = new ProctoredAttempts(this);
        this.sessions = new LmsSessions(this);
        this.startAssessment = new StartAssessmentEndpoint(this, toolJwts, authorization, attempts, sessions);
        this.acs = new AssessmentControlService(this, tokens, attempts);
        this.roster = new ExamRoster(this, attempts, sessions);

        route("GET", "/jwks", this::jwks);
        route("GET", "/users/([^/]+)/avatar", this::avatar);
        route("GET", "/mod/lti/embed.php", this::embed);
        authorization.routes(this);
        tokens.routes(this);
        ags.routes(this);
        nrps.routes(this);
        dynamicRegistration.routes(this);
        deepLinkingReturn.routes(this);
        startAssessment.routes(this);
        acs.routes(this);
        roster.routes(this);
        sessions.routes(this);
    }

    /** Starts a platform of that flavour on {@code 127.0.0.1} and a random port. */
    public static LtiPlatformSimulator start(Flavor flavor) {
        return start(flavor, null);
    }

    /**
     * Starts a platform whose issuer is not its own address, as Canvas cloud's tenants all use the one issuer
     * {@code https://canvas.instructure.com} while serving from their own hosts.
     */
    public static LtiPlatformSimulator start(Flavor flavor, String issuer) {
        try {
            LtiPlatformSimulator platform = new LtiPlatformSimulator(flavor, issuer);
            platform.server.start();
            LOG.fine(() -> flavor + " platform simulator listening at " + platform.issuer);
            return platform;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the HTTP server and its threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------- identity and endpoints

    public Flavor flavor() {
        return flavor;
    }

    /** {@code http://127.0.0.1:<port>}, no trailing slash. */
    public String issuer() {
        return issuer;
    }

    /** Where the platform's endpoints are: the issuer, unless the platform was started with a shared issuer. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The {@code tool_platform.guid}. */
    public String guid() {
        return guid;
    }

    public URI authorizationEndpoint() {
        return URI.create(baseUrl + "/auth");
    }

    public URI tokenEndpoint() {
        return URI.create(baseUrl + "/token");
    }

    public URI jwksUri() {
        return URI.create(baseUrl + "/jwks");
    }

    public URI registrationEndpoint() {
        return URI.create(baseUrl + "/register");
    }

    public URI openidConfigurationUrl() {
        return URI.create(baseUrl + "/.well-known/openid-configuration");
    }

    /** The {@code deep_link_return_url} sent in deep-linking requests. */
    public URI deepLinkReturnUrl() {
        return URI.create(baseUrl + "/deep-links/return");
    }

    /** The {@code start_assessment_url} sent in LtiStartProctoring launches. */
    public URI startAssessmentUrl() {
        return URI.create(baseUrl + "/proctoring/start-assessment");
    }

    /** The {@code acs.assessment_control_url} of proctoring launches ({@link AssessmentControlService}). */
    public URI acsUrl() {
        return acs.url();
    }

    /**
     * Open edX's {@code custom.roster_url} of an instructor launch for that exam: {@code GET} answers
     * {@code [[anonymous_id, username], ...]} to a course staff's LMS session (see {@link #signInUrl(User)}).
     */
    public URI rosterUrl(ResourceLink link) {
        return roster.url(link);
    }

    /**
     * Where a browser signs in to the LMS as that user: {@code GET} sets the session cookie
     * {@value #EDX_SESSION_COOKIE} ({@code Path=/; HttpOnly; SameSite=Lax}) that Open edX's LtiStartAssessment,
     * LtiEndAssessment hand-off and roster require. Open it in a browser that keeps cookies
     * ({@link SimulatedBrowser#withCookies()}, Chromium) before the proctoring launch.
     */
    public URI signInUrl(User user) {
        return sessions.signInUrl(user, null);
    }

    /** {@link #signInUrl(User)} that then redirects the browser to {@code next}. */
    public URI signInUrl(User user, URI next) {
        return sessions.signInUrl(user, next);
    }

    /**
     * The user's Open edX anonymous id (a UUID string, stable per user): the {@code sub} and {@code login_hint} of
     * {@link Flavor#EDX} launches and the {@code user.sub} its ACS expects.
     */
    public String anonymousId(User user) {
        return UUID.nameUUIDFromBytes(("openedx-anonymous-user-id:" + user.sub()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    synchronized Optional<User> userByAnonymousId(String anonymousId) {
        return users.values().stream().filter(u -> anonymousId(u).equals(anonymousId)).findFirst();
    }

    /**
     * The URL where the learner finishes that attempt, the {@code finish-assessment} link of the assessment page:
     * when the tool asked for {@code end_assessment_return} it answers a redirect that starts an LtiEndAssessment
     * launch (login initiation at the tool, then {@code /auth} answers the id_token form), else a "submitted" page.
     * {@link Flavor#EDX} requires the learner's LMS session cookie there too.
     *
     * @throws IllegalStateException if the platform never launched that attempt
     */
    public URI endAssessmentLaunchUrl(ResourceLink link, User user, int attemptNumber) {
        return startAssessment.finishUrl(requireAttempt(link, user, attemptNumber));
    }

    /** The assessment page of a started attempt ({@code <p id="assessment-started">}), for a browser to revisit. */
    public URI assessmentPageUrl(ResourceLink link, User user, int attemptNumber) {
        return startAssessment.assessmentPage(requireAttempt(link, user, attemptNumber));
    }

    private ProctoredAttempt requireAttempt(ResourceLink link, User user, int attemptNumber) {
        return attempt(link, user, attemptNumber).orElseThrow(() -> new IllegalStateException(
                "no LtiStartProctoring launch of attempt " + attemptNumber + " for " + user + " on " + link));
    }

    /** The attempt the platform launched for that link, user and number (for any tool), if any. */
    public Optional<ProctoredAttempt> attempt(ResourceLink link, User user, int attemptNumber) {
        return attempts.find(link.id(), user, attemptNumber);
    }

    /**
     * {@link Flavor#EDX}: edx-exams' status of that attempt ({@link ProctoredAttempt#edxStatus()}), e.g.
     * {@code verified} or {@code second_review_required} after an ACS terminate.
     */
    public Optional<String> edxReviewStatus(ResourceLink link, User user, int attemptNumber) {
        return attempt(link, user, attemptNumber).map(ProctoredAttempt::edxStatus);
    }

    /** The platform signing keys (rotation, foreign key for forging, JWKS outage). */
    public PlatformKeys keys() {
        return keys;
    }

    // ---------------------------------------------------------------- configuration

    /** Lifetime of id_tokens ({@code exp - iat}); default 60 s (Open edX 1 h, TAO 10 min). */
    public LtiPlatformSimulator idTokenLifetime(Duration lifetime) {
        this.idTokenLifetime = lifetime;
        return this;
    }

    /** Lifetime of service access tokens ({@code expires_in}); default 1 h. */
    public LtiPlatformSimulator accessTokenLifetime(Duration lifetime) {
        tokens.lifetime(lifetime);
        return this;
    }

    /** The platform's clock for issuing and checking times (default system UTC); tests may skew it. */
    public LtiPlatformSimulator clock(Clock value) {
        this.clock = value;
        return this;
    }

    Instant now() {
        return clock.instant();
    }

    Duration idTokenLifetime() {
        return idTokenLifetime;
    }

    ProctoredAttempts attempts() {
        return attempts;
    }

    // ---------------------------------------------------------------- people and courses

    /** Creates (or returns the existing) user with that LTI user id ({@code sub}). */
    public synchronized User user(String sub, String givenName, String familyName) {
        return users.computeIfAbsent(sub, s -> new User(s, givenName, familyName,
                URI.create(baseUrl + "/users/" + URLEncoder.encode(s, StandardCharsets.UTF_8) + "/avatar")));
    }

    public synchronized Optional<User> findUser(String sub) {
        return Optional.ofNullable(users.get(sub));
    }

    /** Creates (or returns the existing) course with that context id. */
    public synchronized Course course(String id, String title) {
        return courses.computeIfAbsent(id, i -> new Course(this, i, title));
    }

    public synchronized Optional<Course> findCourse(String id) {
        return Optional.ofNullable(courses.get(id));
    }

    synchronized List<Course> courses() {
        return List.copyOf(courses.values());
    }

    long nextLineItemId() {
        return lineItemIds.incrementAndGet();
    }

    // ---------------------------------------------------------------- tools

    /** Registers a tool in code (no dynamic registration); it is active at once. Returns it. */
    public synchronized ToolRegistration registerTool(ToolRegistration tool) {
        if (registrations.containsKey(tool.clientId())) {
            throw new IllegalArgumentException("client_id " + tool.clientId() + " already registered");
        }
        tool.typeId(typeIds.incrementAndGet());
        registrations.put(tool.clientId(), tool);
        return tool;
    }

    public synchronized List<ToolRegistration> registrations() {
        return List.copyOf(registrations.values());
    }

    public synchronized Optional<ToolRegistration> registration(String clientId) {
        return Optional.ofNullable(registrations.get(clientId));
    }

    synchronized Optional<ToolRegistration> registrationByTypeId(int typeId) {
        return registrations.values().stream().filter(r -> r.typeId() == typeId).findFirst();
    }

    /** The single registered tool; fails when there are none or several. */
    public synchronized ToolRegistration onlyRegistration() {
        if (registrations.size() != 1) {
            throw new IllegalStateException("expected exactly one registered tool, have " + registrations.keySet());
        }
        return registrations.values().iterator().next();
    }

    /**
     * Starts a dynamic registration as the admin would: returns the tool's registration URL with
     * {@code openid_configuration} and a fresh single-use {@code registration_token} appended. Open it with the
     * {@link #browser()}; the tool then calls {@code /.well-known/openid-configuration} and {@code /register}.
     */
    public URI registrationStartUrl(URI toolRegistrationUrl) {
        return dynamicRegistration.startUrl(toolRegistrationUrl);
    }

    /**
     * Makes the next Dynamic Registration answer with this client id, as a hostile platform that copies another
     * platform's (public) client id would.
     */
    public void answerNextRegistrationWithClientId(String clientId) {
        dynamicRegistration.answerNextWithClientId(clientId);
    }

    /** Makes the next {@code POST /register} fail with that status and body (JSON if it starts with '{'). */
    public void refuseNextRegistration(int status, String body) {
        dynamicRegistration.refuseNext(status, body);
    }

    // ---------------------------------------------------------------- launches

    /** The shared simulated browser (no cookies). */
    public SimulatedBrowser browser() {
        return browser;
    }

    /** Prepares a launch in the shared browser; nothing is sent until a step of the flow is called. */
    public LaunchFlow launch(LaunchRequest request) {
        return launch(request, browser);
    }

    /** Prepares a launch in the given browser. */
    public LaunchFlow launch(LaunchRequest request, SimulatedBrowser inBrowser) {
        return new LaunchFlow(this, authorization.prepare(request), inBrowser);
    }

    /** Signs claims as the platform would (current key, RS256, kid), for tests that build id_tokens themselves. */
    public String sign(JWTClaimsSet claims) {
        return IdTokens.sign(claims, keys.current(), keys.current().getKeyID(), null, null);
    }

    /** Signs claims with any RSA key and kid (forgery). */
    public String sign(JWTClaimsSet claims, RSAKey key, String kid) {
        return IdTokens.sign(claims, key, kid, null, null);
    }

    // ---------------------------------------------------------------- observations

    /** The deep-linking responses the platform accepted, in order. */
    public List<DeepLinkingReturn.Received> deepLinkingResponses() {
        return deepLinkingReturn.received();
    }

    /** The LtiStartAssessment messages the platform accepted, in order. */
    public List<StartAssessmentEndpoint.Received> startAssessments() {
        return startAssessment.received();
    }

    /** Every Assessment Control Service request received, accepted or refused, in order. */
    public List<AssessmentControlService.ControlRequest> controlRequests() {
        return acs.received();
    }

    /** How many requests reached {@code POST /token} (accepted or not): tests check token caching with it. */
    /**
     * Scores the platform takes are stored at once but answered only when {@code release} opens (at most 5 min),
     * as when a tool dies between posting and hearing the answer; {@code null} answers at once again.
     */
    public void holdScoreAnswersUntil(java.util.concurrent.CountDownLatch release) {
        ags.holdAnswers(release);
    }

    /** Every Assessment Control Service request is answered {@code status} and not acted on, until {@code null}. */
    public void refuseControlWith(Integer status) {
        acs.refuseWith(status);
    }

    /** Every score post is answered {@code status} and not taken, until called with {@code null}. */
    public void refuseScoresWith(Integer status) {
        ags.refuseScores(status);
    }

    public int tokenRequestCount() {
        return tokens.requestCount();
    }

    /** How many times the platform fetched a tool's JWKS (token requests, deep-linking and proctoring returns). */
    public int toolJwksFetchCount() {
        return toolJwts.fetchCount();
    }

    /** Every access token issued. */
    public List<TokenEndpoint.AccessToken> issuedTokens() {
        return tokens.issued();
    }

    /** Expires every issued access token now: the next service call with one gets 401. */
    public void expireAccessTokens() {
        tokens.expireAll();
    }

    /** Every 4xx/5xx the platform answered, with the reason. */
    public List<Rejection> rejections() {
        return List.copyOf(rejections);
    }

    /** Every request received, in order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** How many received requests had a path starting with that prefix, e.g. {@code "/ags/"}. */
    public long requestCount(String method, String pathPrefix) {
        return requests.stream()
                .filter(r -> r.method().equals(method) && r.uri().getPath().startsWith(pathPrefix)).count();
    }

    // ---------------------------------------------------------------- HTTP wiring

    void route(String method, String pathRegex, Handler handler) {
        routes.add(new Route(method, Pattern.compile(pathRegex), handler));
    }

    private void dispatch(HttpExchange http) {
        String method = http.getRequestMethod();
        String path = http.getRequestURI().getPath();
        requests.add(new RecordedRequest(now(), method, http.getRequestURI()));
        try {
            boolean pathKnown = false;
            for (Route route : routes) {
                Matcher m = route.path().matcher(path);
                if (m.matches()) {
                    pathKnown = true;
                    if (route.method().equals(method)) {
                        route.handler().handle(new Exchange(http, m));
                        return;
                    }
                }
            }
            throw pathKnown ? HttpProblem.of(405, method + " not allowed on " + path)
                    : HttpProblem.of(404, "no endpoint at " + path);
        } catch (HttpProblem problem) {
            rejections.add(new Rejection(now(), method, path, problem.status(), problem.getMessage()));
            LOG.log(Level.INFO, () -> method + " " + path + " -> " + problem.status() + " " + problem.getMessage());
            new Exchange(http, null).send(problem.status(), problem.contentType(), problem.body());
        } catch (Exception | Error e) {
            rejections.add(new Rejection(now(), method, path, 500, String.valueOf(e)));
            LOG.log(Level.WARNING, "platform simulator failed on " + method + " " + path, e);
            try {
                new Exchange(http, null).send(500, "text/plain; charset=utf-8", "simulator error: " + e);
            } catch (RuntimeException ignored) {
                http.close();
            }
        }
    }

    /**
     * A page of the platform's own that shows a tool page in an iframe, as Moodle's "embed" launch container and
     * Canvas's course pages do: {@link #framing(URI)}.
     */
    public URI framing(URI toolPage) {
        return URI.create(baseUrl + "/mod/lti/embed.php?url="
                + java.net.URLEncoder.encode(toolPage.toString(), java.nio.charset.StandardCharsets.UTF_8));
    }

    private void embed(Exchange exchange) {
        String url = exchange.query().get("url");
        if (url == null) {
            throw HttpProblem.of(400, "url is required");
        }
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw HttpProblem.of(400, "url must be http(s)");
        }
        exchange.sendHtml(200, "<!DOCTYPE html><html><head><title>Course page</title></head><body><h1>Course</h1>"
                + "<iframe id=\"tool\" width=\"900\" height=\"600\" src=\"" + url.replace("&", "&amp;")
                .replace("\"", "&quot;").replace("<", "&lt;") + "\"></iframe></body></html>");
    }

    private void jwks(Exchange exchange) {
        if (keys.isUnavailable()) {
            throw HttpProblem.of(503, "JWKS made unavailable by the test");
        }
        exchange.send(200, "application/json", keys.publicJwks().toString());
    }

    private void avatar(Exchange exchange) {
        User user = findUser(exchange.pathParam(1)).orElseThrow(() -> HttpProblem.of(404, "no such user"));
        byte[] bytes = user.avatarBytes();
        exchange.send(200, bytes == null ? "image/png" : user.avatarType(), bytes == null ? defaultAvatar() : bytes);
    }

    private synchronized byte[] defaultAvatar() {
        if (defaultAvatar == null) {
            BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    image.setRGB(x, y, 0x808080);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                ImageIO.write(image, "png", out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            defaultAvatar = out.toByteArray();
        }
        return defaultAvatar;
    }

    static Set<String> split(String spaceSeparated) {
        if (spaceSeparated == null || spaceSeparated.isBlank()) {
            return Set.of();
        }
        return Set.copyOf(List.of(spaceSeparated.trim().split("\\s+")));
    }
}
