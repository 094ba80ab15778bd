package org.invigil.simulator;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.math.BigDecimal;
import java.net.URI;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The {@code start_assessment_url} of LtiStartProctoring launches: {@code POST /proctoring/start-assessment} with
 * form field {@code JWT} holding an {@code LtiStartAssessment} message (Proctoring Services 1.0 §4.2), checked per
 * {@link Flavor}:
 * <ul>
 * <li>{@link Flavor#MOODLE}, {@link Flavor#CANVAS}: the common checks of {@link ToolJwtVerifier#verifyMessage}, then
 * {@code session_data} must echo that of an LtiStartProctoring launch to the tool, with the same
 * {@code attempt_number}, {@code resource_link.id} and deployment;</li>
 * <li>{@link Flavor#EDX}: xblock-lti-consumer's {@code start_proctoring_assessment_endpoint} — top-level navigation
 * only, the learner's LMS session cookie, lenient JWT checks, Python equality (see {@link Flavor#EDX});</li>
 * <li>{@link Flavor#TAO}: lib-lti1p3-core's {@code PlatformLaunchValidator} — {@link ToolJwtVerifier#verifyMessage}
 * (kid, nonce, deployment_id, aud) and a {@code session_data} that is exactly a platform-signed JWT it issued.</li>
 * </ul>
 * Failures are 400 with the reason (403 for a missing session or an iframe, 404 for an unknown tool or link).
 * Success starts the {@link ProctoredAttempt} and answers the assessment page, also at
 * {@code GET /proctoring/assessment/{id}}: {@code <p id="assessment-started">Attempt N started.</p>} and a link
 * {@code <a id="finish-assessment">} to {@code GET /proctoring/end-assessment?attempt={id}}, where the learner
 * finishes the assessment: when the tool asked for {@code end_assessment_return}, that answers a redirect to the
 * tool's login initiation for an LtiEndAssessment launch (the platform's OIDC launch flow, as edx-exams'
 * {@code end_assessment} does), else a page {@code <p id="assessment-submitted">}.
 */
public final class StartAssessmentEndpoint {
    private static final Logger LOG = Logger.getLogger(StartAssessmentEndpoint.class.getName());
    static final String MESSAGE_TYPE = "LtiStartAssessment";
    /** What Python's {@code int(str)} accepts. */
    private static final Pattern PYTHON_INT = Pattern.compile("\\s*[+-]?\\d+(_\\d+)*\\s*");

    /**
     * An accepted LtiStartAssessment.
     *
     * @param tool                the tool that sent it
     * @param link                the resource link of the proctored assessment
     * @param user                the user of the LtiStartProctoring launch
     * @param claims              the verified claims (e.g. {@code verified_user}, {@code end_assessment_return})
     * @param attemptNumber       the attempt it started
     * @param endAssessmentReturn whether the platform will send LtiEndAssessment when the assessment ends (as the
     *                            flavour reads {@code end_assessment_return})
     * @param sessionUser         {@link Flavor#EDX}: the user of the LMS session cookie it came with
     * @param page                the assessment page the browser was shown
     */
    public record Received(ToolRegistration tool, ResourceLink link, User user, JWTClaimsSet claims,
            int attemptNumber, boolean endAssessmentReturn, Optional<User> sessionUser, URI page) {
    }

    private record Accepted(ToolRegistration tool, ProctoredAttempt attempt, JWTClaimsSet claims,
            boolean endAssessmentReturn, User sessionUser) {
    }

    private final LtiPlatformSimulator platform;
    private final ToolJwtVerifier verifier;
    private final OidcAuthorization authorization;
    private final ProctoredAttempts attempts;
    private final LmsSessions sessions;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    StartAssessmentEndpoint(LtiPlatformSimulator platform, ToolJwtVerifier verifier, OidcAuthorization authorization,
            ProctoredAttempts attempts, LmsSessions sessions) {
        this.platform = platform;
        this.verifier = verifier;
        this.authorization = authorization;
        this.attempts = attempts;
        this.sessions = sessions;
    }

    void routes(LtiPlatformSimulator http) {
        http.route("POST", "/proctoring/start-assessment", this::start);
        http.route("GET", "/proctoring/assessment/([^/]+)", this::showAssessment);
        http.route("GET", "/proctoring/end-assessment", this::finish);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    URI assessmentPage(ProctoredAttempt attempt) {
        return URI.create(platform.baseUrl() + "/proctoring/assessment/" + attempt.id());
    }

    URI finishUrl(ProctoredAttempt attempt) {
        return URI.create(platform.baseUrl() + "/proctoring/end-assessment?attempt=" + attempt.id());
    }

    // ---------------------------------------------------------------- LtiStartAssessment

    private void start(Exchange ex) {
        String jwt = ex.parameters().get("JWT");
        if (jwt == null || jwt.isBlank()) {
            throw HttpProblem.badRequest("missing form field JWT");
        }
        Accepted accepted = switch (platform.flavor()) {
            case EDX -> edx(ex, jwt);
            case TAO -> tao(jwt);
            default -> common(jwt);
        };
        ProctoredAttempt attempt = accepted.attempt();
        attempt.start(accepted.endAssessmentReturn());
        received.add(new Received(accepted.tool(), attempt.link(), attempt.user(), accepted.claims(),
                attempt.number(), accepted.endAssessmentReturn(), Optional.ofNullable(accepted.sessionUser()),
                assessmentPage(attempt)));
        LOG.info(() -> "assessment started: " + attempt);
        ex.sendHtml(200, page(attempt));
    }

    /** Moodle and Canvas: the simulator's own checks, unchanged since before the proctoring profiles. */
    private Accepted common(String jwt) {
        ToolJwtVerifier.ToolMessage message = verifier.verifyMessage(jwt, MESSAGE_TYPE);
        JWTClaimsSet claims = message.claims();
        Object sessionData = claims.getClaim(IdTokens.AP + "session_data");
        PendingLaunch launch = authorization.launches(message.tool(), MessageType.START_PROCTORING).stream()
                .filter(l -> l.sessionData().equals(sessionData))
                .findFirst()
                .orElseThrow(() -> HttpProblem.badRequest("session_data " + sessionData
                        + " does not echo an LtiStartProctoring launch to " + message.tool().clientId()));
        Object attempt = claims.getClaim(IdTokens.AP + "attempt_number");
        if (!(attempt instanceof Number n) || n.intValue() != launch.request().attemptNumber) {
            throw HttpProblem.badRequest("attempt_number must be " + launch.request().attemptNumber + ", got "
                    + attempt);
        }
        Object link = claims.getClaim(IdTokens.LTI + "resource_link");
        if (!(link instanceof Map<?, ?> linkClaim)
                || !Objects.equals(linkClaim.get("id"), launch.request().link.id())) {
            throw HttpProblem.badRequest("resource_link.id must be " + launch.request().link.id());
        }
        if (!launch.deploymentId().equals(claims.getClaim(IdTokens.LTI + "deployment_id"))) {
            throw HttpProblem.badRequest("deployment_id must be " + launch.deploymentId());
        }
        Object endReturn = claims.getClaim(IdTokens.AP + "end_assessment_return");
        return new Accepted(message.tool(), attempts.of(launch), claims, Boolean.TRUE.equals(endReturn), null);
    }

    /** Open edX: xblock-lti-consumer's {@code start_proctoring_assessment_endpoint}, {@code check_and_decode_token}. */
    private Accepted edx(Exchange ex, String jwt) {
        if ("iframe".equalsIgnoreCase(ex.header("Sec-Fetch-Dest").orElse("").trim())) {
            throw HttpProblem.of(403, "LtiStartAssessment came from an iframe (Sec-Fetch-Dest: iframe): the hand-back"
                    + " to Open edX must be a top-level navigation, because a browser blocking third-party cookies"
                    + " sends no LMS session cookie from an iframe");
        }
        SignedJWT signed;
        JWTClaimsSet unverified;
        try {
            signed = ToolJwtVerifier.parse(jwt);
            unverified = signed.getJWTClaimsSet();
        } catch (ToolJwtVerifier.Invalid | ParseException e) {
            throw HttpProblem.badRequest(MESSAGE_TYPE + ": cannot decode the JWT: " + e.getMessage());
        }
        Object iss = unverified.getClaim("iss");
        Object linkId = unverified.getClaim(IdTokens.LTI + "resource_link") instanceof Map<?, ?> l ? l.get("id")
                : null;
        ToolRegistration tool = platform.registration(iss instanceof String s ? s : "")
                .filter(t -> linkId instanceof String id && attempts.anyFor(t, id))
                .orElseThrow(() -> HttpProblem.of(404, MESSAGE_TYPE + ": no LTI configuration with client_id '" + iss
                        + "' launched for resource_link.id '" + linkId + "'"));
        User user = sessions.user(ex).orElseThrow(() -> HttpProblem.of(403,
                "no LMS session: the learner is not signed in (third-party iframe?)"));
        ProctoredAttempt attempt = attempts.latest(tool, user, (String) linkId).orElseThrow(() -> HttpProblem.of(403,
                MESSAGE_TYPE + ": the signed-in " + user + " has no LtiStartProctoring launch for resource link "
                        + linkId + " (another user's LMS session?)"));
        JWTClaimsSet claims;
        try {
            claims = verifier.verifyWithAnyKey(signed, tool);
        } catch (ToolJwtVerifier.Invalid e) {
            throw HttpProblem.badRequest(MESSAGE_TYPE + ": " + e.getMessage());
        }
        requireClaim(claims, IdTokens.LTI + "message_type", MESSAGE_TYPE);
        requireClaim(claims, IdTokens.LTI + "version", "1.3.0");
        List<String> issued = attempt.sessionData();
        requireClaim(claims, IdTokens.AP + "session_data", issued.isEmpty() ? null : issued.get(issued.size() - 1));
        Object link = claims.getClaim(IdTokens.LTI + "resource_link");
        if (link == null) {
            throw HttpProblem.badRequest(MESSAGE_TYPE + ": Token is missing required resource_link claim");
        }
        if (!(link instanceof Map<?, ?> linkClaim) || !pythonEquals(linkClaim.get("id"), attempt.link().id())) {
            throw HttpProblem.badRequest(MESSAGE_TYPE + ": resource_link claim is not correct (id must be "
                    + attempt.link().id() + ")");
        }
        requireClaim(claims, IdTokens.AP + "attempt_number", attempt.number());
        return new Accepted(tool, attempt, claims, edxEndAssessmentReturn(claims, tool), user);
    }

    /** {@code check_token_claim}: present (not None), and {@code == expected} when an expected value is known. */
    private static void requireClaim(JWTClaimsSet claims, String name, Object expected) {
        Object value = claims.getClaim(name);
        if (value == null) {
            throw HttpProblem.badRequest(MESSAGE_TYPE + ": Token is missing required " + name + " claim");
        }
        if (expected != null && !pythonEquals(value, expected)) {
            throw HttpProblem.badRequest(MESSAGE_TYPE + ": Token's " + name + " claim is not correct ("
                    + describe(value) + ", expected " + describe(expected) + ")");
        }
    }

    /** Python's {@code ==} between a decoded JSON value and a str or int: numbers and booleans compare as numbers. */
    static boolean pythonEquals(Object value, Object expected) {
        if (expected instanceof Number e) {
            BigDecimal v = value instanceof Boolean b ? (b ? BigDecimal.ONE : BigDecimal.ZERO)
                    : value instanceof Number n ? new BigDecimal(n.toString()) : null;
            return v != null && v.compareTo(new BigDecimal(e.toString())) == 0;
        }
        return Objects.equals(value, expected);
    }

    private static String describe(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    /**
     * {@code int(end_assessment_return)} if truthy: booleans and numbers cast, strings must be Python int literals;
     * a ValueError is only logged by Open edX (no LtiEndAssessment will follow), a TypeError (array, object) is a 500.
     */
    private static boolean edxEndAssessmentReturn(JWTClaimsSet claims, ToolRegistration tool) {
        Object value = claims.getClaim(IdTokens.AP + "end_assessment_return");
        if (value == null || Boolean.FALSE.equals(value) || "".equals(value)
                || value instanceof Number n && n.doubleValue() == 0
                || value instanceof List<?> l && l.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty()) {
            return false;
        }
        if (value instanceof Boolean) {
            return true;
        }
        if (value instanceof Number n) {
            return (long) n.doubleValue() != 0;
        }
        if (value instanceof String s) {
            if (!PYTHON_INT.matcher(s).matches()) {
                LOG.warning(() -> "Open edX: end_assessment_return '" + s + "' of " + tool.clientId()
                        + " is not a boolean value; no LtiEndAssessment will be sent");
                return false;
            }
            return new BigDecimal(s.trim().replace("_", "")).signum() != 0;
        }
        throw HttpProblem.of(500, MESSAGE_TYPE + ": int() argument must be a string, a bytes-like object or a real"
                + " number, not " + value.getClass().getSimpleName() + " (end_assessment_return " + value + ")");
    }

    /** TAO: lib-lti1p3-core's {@code validateToolOriginatingLaunch} and the platform's session_data bookkeeping. */
    private Accepted tao(String jwt) {
        ToolJwtVerifier.ToolMessage message = verifier.verifyMessage(jwt, MESSAGE_TYPE);
        JWTClaimsSet claims = message.claims();
        Object sessionData = claims.getClaim(IdTokens.AP + "session_data");
        if (!(sessionData instanceof String data) || data.isEmpty()) {
            throw HttpProblem.badRequest(MESSAGE_TYPE + ": JWT session_data proctoring claim is missing");
        }
        if (!platformSigned(data)) {
            throw HttpProblem.badRequest(MESSAGE_TYPE + ": JWT session_data proctoring claim validation failure"
                    + " (not a valid JWT signed by the platform)");
        }
        ProctoredAttempt attempt = attempts.bySessionData(message.tool(), data).orElseThrow(() ->
                HttpProblem.badRequest(MESSAGE_TYPE + ": session_data is not one the platform sent in an"
                        + " LtiStartProctoring launch to " + message.tool().clientId()));
        Object number = claims.getClaim(IdTokens.AP + "attempt_number");
        boolean integer = number instanceof Long || number instanceof Integer;
        if (!integer || ((Number) number).intValue() != attempt.number()) {
            throw HttpProblem.badRequest(MESSAGE_TYPE + ": JWT attempt_number proctoring claim is invalid (must be "
                    + attempt.number() + ", got " + describe(number) + ")");
        }
        Object link = claims.getClaim(IdTokens.LTI + "resource_link");
        if (!(link instanceof Map<?, ?> linkClaim) || !attempt.link().id().equals(linkClaim.get("id"))) {
            throw HttpProblem.badRequest(MESSAGE_TYPE + ": JWT resource_link id claim is invalid (must be "
                    + attempt.link().id() + ")");
        }
        Object endReturn = claims.getClaim(IdTokens.AP + "end_assessment_return");
        return new Accepted(message.tool(), attempt, claims, Boolean.TRUE.equals(endReturn), null);
    }

    private boolean platformSigned(String sessionData) {
        try {
            SignedJWT token = SignedJWT.parse(sessionData);
            if (!platform.keys().verifies(token)) {
                return false;
            }
            java.util.Date exp = token.getJWTClaimsSet().getExpirationTime();
            return exp == null || exp.toInstant().isAfter(platform.now());
        } catch (ParseException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- the assessment and its end

    private void showAssessment(Exchange ex) {
        ProctoredAttempt attempt = attempts.byId(ex.pathParam(1))
                .orElseThrow(() -> HttpProblem.of(404, "no such assessment attempt"));
        if (!attempt.started()) {
            throw HttpProblem.of(404, "the assessment of " + attempt + " has not started");
        }
        ex.sendHtml(200, page(attempt));
    }

    private String page(ProctoredAttempt attempt) {
        return "<!DOCTYPE html>\n<html><head><title>Assessment</title></head><body><h1>"
                + Exchange.escapeHtml(attempt.link().title()) + "</h1><p id=\"assessment-started\">Attempt "
                + attempt.number() + " started.</p>\n<p><a id=\"finish-assessment\" href=\""
                + Exchange.escapeHtml(finishUrl(attempt).getRawPath() + "?" + finishUrl(attempt).getRawQuery())
                + "\">Finish the assessment</a></p></body></html>\n";
    }

    private void finish(Exchange ex) {
        String id = ex.query().get("attempt");
        ProctoredAttempt attempt = attempts.byId(id == null ? "" : id)
                .orElseThrow(() -> HttpProblem.of(404, "no such assessment attempt '" + id + "'"));
        if (platform.flavor() == Flavor.EDX) {
            User user = sessions.user(ex).orElseThrow(() -> HttpProblem.of(403,
                    "no LMS session: the learner is not signed in"));
            if (user != attempt.user()) {
                throw HttpProblem.of(403, user + " may not end the attempt of " + attempt.user());
            }
        }
        if (!attempt.started()) {
            throw HttpProblem.badRequest("the assessment of " + attempt + " has not started");
        }
        attempt.finish();
        if (!attempt.endAssessmentReturn()) {
            ex.sendHtml(200, "<!DOCTYPE html>\n<html><head><title>Assessment</title></head><body><h1>"
                    + Exchange.escapeHtml(attempt.link().title()) + "</h1><p id=\"assessment-submitted\">Attempt "
                    + attempt.number() + " submitted.</p></body></html>\n");
            return;
        }
        LaunchRequest request = LaunchRequest.endAssessment(attempt.link(), attempt.number()).as(attempt.user())
                .tool(attempt.tool()).deploymentId(attempt.deploymentId());
        URI login = new LaunchFlow(platform, authorization.prepare(request), platform.browser()).loginUrl();
        LOG.info(() -> "LtiEndAssessment for " + attempt + " via " + login);
        ex.addHeader("Location", login.toString());
        ex.sendHtml(302, "<!DOCTYPE html>\n<html><body><a href=\"" + Exchange.escapeHtml(login.toString())
                + "\">Continue</a></body></html>\n");
    }
}
