package org.invigil.simulator;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * The Assessment Control Service of Proctoring Services 1.0: {@code POST /proctoring/acs}, the
 * {@code acs.assessment_control_url} of LtiStartProctoring launches. Every request needs a bearer token of the
 * {@link TokenEndpoint} with scope {@value #SCOPE} (401 missing/unknown/expired, 403 without the scope) and a JSON
 * body {@code {user: {iss, sub}, resource_link: {id}, attempt_number, action, incident_time, incident_severity,
 * extra_time, reason_code, reason_msg}} about an attempt the platform launched. Then per {@link Flavor}:
 * <ul>
 * <li>{@link Flavor#EDX} (edx-exams' {@code acs} view): Content-Type {@code application/json} (Django REST
 * framework's JSONParser; anything else, the spec's {@value #MEDIA_TYPE} included, is 415); {@code user.sub} (an
 * anonymous id), {@code resource_link.id}, {@code attempt_number} (an int or a numeric string: a Django lookup) and
 * {@code action} (400 "required parameter"); an unknown anonymous id is 500 ({@code User.DoesNotExist}); no attempt,
 * or an attempt not started or already reviewed, is 400; {@code flag} is accepted and ignored, {@code terminate}
 * needs {@code reason_code}, {@code incident_time} and {@code incident_severity} and sets the review status
 * ({@link ProctoredAttempt#edxStatus()}: reason_code {@code "1"} with severity &gt; 0.25 →
 * {@code second_review_required}, &lt;= 0.25 → {@code verified}, any other code → {@code error}); any other action is
 * 400. Answer: {@code 200 {"status": "terminated"}} (for {@code flag} too), {@code application/json}.</li>
 * <li>{@link Flavor#TAO}, and Moodle and Canvas (which have no ACS of their own): Content-Type {@value #MEDIA_TYPE}
 * (415); lib-lti1p3-proctoring's {@code AcsControlFactory} rules, strictly typed: {@code resource_link.id},
 * {@code user.sub}, {@code user.iss} = the platform issuer, {@code action} in {@link #ACTIONS}, an integer
 * {@code attempt_number}, an ISO-8601 {@code incident_time}; optional integer {@code extra_time}, number
 * {@code incident_severity} in 0..1, string {@code reason_code} and {@code reason_msg} (400 otherwise); the attempt
 * must be one the platform launched (404). The {@link ProctoredAttempt.Status} changes as documented there; an
 * impossible change is {@code 409 {"status": <current>}}. Answer: {@code 200 {"status", "extra_time"?}} as
 * {@value #MEDIA_TYPE}. (Real TAO answers 406 to a wrong content type, 401 to a missing scope and 500 to a bad
 * body; the simulator uses the HTTP statuses above with the reason.)</li>
 * </ul>
 * Every request, accepted or refused, is recorded in {@link LtiPlatformSimulator#controlRequests()}.
 */
public final class AssessmentControlService {
    private static final Logger LOG = Logger.getLogger(AssessmentControlService.class.getName());
    /** The ACS scope. */
    public static final String SCOPE = "https://purl.imsglobal.org/spec/lti-ap/scope/control.all";
    /** The spec's media type of control requests and responses. */
    public static final String MEDIA_TYPE = "application/vnd.ims.lti-ap.v1.control+json";
    /** The actions of the spec. */
    public static final List<String> ACTIONS = List.of("pause", "resume", "terminate", "update", "flag");
    private static final BigDecimal EDX_SEVERITY_THRESHOLD = new BigDecimal("0.25");

    /**
     * A control request the platform received.
     *
     * @param at           when
     * @param clientId     the token's tool, or {@code null} when the token was refused
     * @param action       the {@code action} of the body, or {@code null}
     * @param body         the body as JSON, or {@code null} when it was not a JSON object
     * @param rawBody      the body as sent
     * @param contentType  the request's Content-Type
     * @param status       the HTTP status answered
     * @param reason       why it was refused, or {@code null}
     * @param answer       the {@code status} answered ({@code running}, {@code terminated}, ...), or {@code null}
     * @param reviewStatus {@link Flavor#EDX} terminate: the attempt status it led to ({@code verified},
     *                     {@code second_review_required}, {@code error}), else {@code null}
     */
    public record ControlRequest(Instant at, String clientId, String action, JsonObject body, String rawBody,
            String contentType, int status, String reason, String answer, String reviewStatus) {

        /** Whether it was answered 200. */
        public boolean accepted() {
            return status == 200;
        }
    }

    private record Outcome(String status, String reviewStatus, JsonObject json, String mediaType) {
    }

    private final LtiPlatformSimulator platform;
    private final TokenEndpoint tokens;
    private final ProctoredAttempts attempts;
    private final List<ControlRequest> received = new CopyOnWriteArrayList<>();

    AssessmentControlService(LtiPlatformSimulator platform, TokenEndpoint tokens, ProctoredAttempts attempts) {
        this.platform = platform;
        this.tokens = tokens;
        this.attempts = attempts;
    }

    void routes(LtiPlatformSimulator http) {
        http.route("POST", "/proctoring/acs", this::control);
    }

    URI url() {
        return URI.create(platform.baseUrl() + "/proctoring/acs");
    }

    List<ControlRequest> received() {
        return List.copyOf(received);
    }

    private volatile Integer refusingWith;

    /** From now on every control request is answered with this status and not acted on; {@code null} acts again. */
    void refuseWith(Integer status) {
        this.refusingWith = status;
    }

    private void control(Exchange ex) {
        String raw = ex.body();
        JsonObject body = parse(raw);
        String action = body != null && body.get("action") instanceof JsonString s ? s.getString() : null;
        String contentType = ex.header("Content-Type").orElse("");
        String clientId = null;
        try {
            TokenEndpoint.AccessToken token = tokens.authorize(ex, Set.of(SCOPE));
            clientId = token.clientId();
            ToolRegistration tool = platform.registration(clientId)
                    .orElseThrow(() -> HttpProblem.of(401, "the token's tool is gone"));
            Integer refusal = refusingWith;
            if (refusal != null) {
                throw HttpProblem.of(refusal, "the control service is unavailable (test)");
            }
            boolean edx = platform.flavor() == Flavor.EDX;
            String expected = edx ? "application/json" : MEDIA_TYPE;
            if (!expected.equals(ex.mediaType())) {
                throw HttpProblem.of(415, edx
                        ? "Unsupported media type \"" + contentType + "\" in request: Open edX (edx-exams, Django REST"
                                + " framework) parses JSON only as application/json"
                        : "Content-Type must be " + MEDIA_TYPE + ", got '" + contentType + "'");
            }
            if (body == null) {
                throw HttpProblem.badRequest("the body is not a JSON object");
            }
            Outcome outcome = edx ? edx(tool, body) : spec(tool, body);
            received.add(new ControlRequest(platform.now(), clientId, action, body, raw, contentType, 200, null,
                    outcome.status(), outcome.reviewStatus()));
            LOG.info(() -> "ACS " + action + " -> " + outcome.status());
            ex.sendJson(200, outcome.mediaType(), outcome.json());
        } catch (HttpProblem problem) {
            received.add(new ControlRequest(platform.now(), clientId, action, body, raw, contentType,
                    problem.status(), problem.getMessage(), null, null));
            throw problem;
        }
    }

    private static JsonObject parse(String raw) {
        try (JsonReader reader = Json.createReader(new StringReader(raw))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- Open edX

    private Outcome edx(ToolRegistration tool, JsonObject body) {
        JsonObject user = edxRequired(body, "user") instanceof JsonObject u ? u : null;
        JsonValue sub = user == null ? null : user.get("sub");
        if (sub == null) {
            throw edxMissing("sub");
        }
        JsonObject link = edxRequired(body, "resource_link") instanceof JsonObject l ? l : null;
        JsonValue linkId = link == null ? null : link.get("id");
        if (linkId == null) {
            throw edxMissing("id");
        }
        JsonValue number = edxRequired(body, "attempt_number");
        JsonValue action = edxRequired(body, "action");
        String anonymousId = text(sub);
        User learner = platform.userByAnonymousId(anonymousId).orElseThrow(() -> HttpProblem.of(500,
                "User matching query does not exist: no user with anonymous id '" + anonymousId
                        + "' (edx-exams answers 500)"));
        int attemptNumber = djangoInt(number);
        ProctoredAttempt attempt = attempts.find(tool, learner.sub(), text(linkId), attemptNumber)
                .orElseThrow(() -> HttpProblem.badRequest("No attempt found for user with anonymous id "
                        + anonymousId + " with resource id " + text(linkId) + " and attempt number " + attemptNumber));
        if (!attempt.edxControllable()) {
            throw HttpProblem.badRequest("Attempt cannot be flagged: status " + attempt.edxStatus()
                    + " (it has either not started yet, been rejected, expired, or already verified)");
        }
        String verb = text(action);
        JsonObject terminated = Json.createObjectBuilder().add("status", "terminated").build();
        if (verb.equals("flag")) {
            LOG.info(() -> "Open edX: the flag action is not yet supported; " + attempt + " unchanged");
            return new Outcome("terminated", null, terminated, "application/json");
        }
        if (!verb.equals("terminate")) {
            throw HttpProblem.badRequest("invalid or unsupported action: " + verb
                    + " (Open edX acts on terminate only)");
        }
        JsonValue reasonCode = edxRequired(body, "reason_code");
        JsonValue incidentTime = edxRequired(body, "incident_time");
        BigDecimal severity = decimal(edxRequired(body, "incident_severity"));
        if (!(incidentTime instanceof JsonString time) || parseTime(time.getString()).isEmpty()) {
            throw HttpProblem.of(500, "incident_time " + incidentTime + " is not a date/time (a Django"
                    + " ValidationError: 500)");
        }
        // reason_code == '1' in Python: the string "1" only, the number 1 is "any other code"
        boolean submittedByLearner = reasonCode instanceof JsonString code && code.getString().equals("1");
        String review = !submittedByLearner ? "error"
                : severity.compareTo(EDX_SEVERITY_THRESHOLD) > 0 ? "second_review_required" : "verified";
        attempt.review(review);
        return new Outcome("terminated", review, terminated, "application/json");
    }

    private static JsonValue edxRequired(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null) {
            throw edxMissing(name);
        }
        return value;
    }

    private static HttpProblem edxMissing(String name) {
        return HttpProblem.badRequest("ERROR: required parameter '" + name + "' was not found.");
    }

    /** Django's IntegerField lookup: {@code int(value)}; anything else is a 500. */
    private static int djangoInt(JsonValue value) {
        try {
            if (value instanceof JsonNumber n) {
                return (int) n.doubleValue();
            }
            if (value instanceof JsonString s) {
                return Integer.parseInt(s.getString().trim());
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw HttpProblem.of(500, "Field 'attempt_number' expected a number but got " + value);
    }

    /** Python's {@code Decimal(value)}; anything else is a 500. */
    private static BigDecimal decimal(JsonValue value) {
        try {
            if (value instanceof JsonNumber n) {
                return n.bigDecimalValue();
            }
            if (value instanceof JsonString s) {
                return new BigDecimal(s.getString().trim());
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw HttpProblem.of(500, "incident_severity " + value + " is not a decimal (InvalidOperation: 500)");
    }

    // ---------------------------------------------------------------- TAO and the spec

    private Outcome spec(ToolRegistration tool, JsonObject body) {
        JsonObject link = body.get("resource_link") instanceof JsonObject l ? l : null;
        if (link == null) {
            throw invalid("Missing mandatory resource_link");
        }
        String linkId = string(link, "id", "resource_link.id", true);
        JsonObject user = body.get("user") instanceof JsonObject u ? u : null;
        if (user == null) {
            throw invalid("Missing mandatory user");
        }
        String sub = string(user, "sub", "user.sub", true);
        String iss = string(user, "iss", "user.iss", true);
        if (!iss.equals(platform.issuer())) {
            throw invalid("user.iss '" + iss + "' is not the platform issuer " + platform.issuer());
        }
        String action = body.get("action") instanceof JsonString a ? a.getString() : null;
        if (action == null || !ACTIONS.contains(action)) {
            throw invalid("Invalid action " + body.get("action") + " (one of " + ACTIONS + ")");
        }
        Integer number = integer(body, "attempt_number");
        if (number == null) {
            throw invalid("Missing mandatory attempt_number");
        }
        String time = string(body, "incident_time", "incident_time", true);
        if (parseTime(time).isEmpty()) {
            throw invalid("incident_time '" + time + "' is not an ISO-8601 date-time");
        }
        Integer extraTime = integer(body, "extra_time");
        if (body.containsKey("incident_severity") && !body.isNull("incident_severity")) {
            if (!(body.get("incident_severity") instanceof JsonNumber severity)
                    || severity.doubleValue() < 0 || severity.doubleValue() > 1) {
                throw invalid("incident_severity must be a number in 0..1, got " + body.get("incident_severity"));
            }
        }
        string(body, "reason_code", "reason_code", false);
        string(body, "reason_msg", "reason_msg", false);
        ProctoredAttempt attempt = attempts.find(tool, sub, linkId, number).orElseThrow(() -> HttpProblem.of(404,
                "no LtiStartProctoring launch to " + tool.clientId() + " for user " + sub + ", resource link "
                        + linkId + ", attempt " + number));
        ProctoredAttempt.Status status;
        try {
            status = switch (action) {
                case "pause" -> attempt.pause();
                case "resume" -> attempt.resume();
                case "terminate" -> attempt.terminate();
                case "update" -> attempt.addExtraTime(extraTime);
                default -> attempt.flag();
            };
        } catch (IllegalStateException e) {
            throw HttpProblem.json(409, e.getMessage(), answer(attempt.status(), attempt).toString());
        }
        return new Outcome(status.value(), null, answer(status, attempt), MEDIA_TYPE);
    }

    private static JsonObject answer(ProctoredAttempt.Status status, ProctoredAttempt attempt) {
        JsonObjectBuilder out = Json.createObjectBuilder().add("status", status.value());
        attempt.extraTime().ifPresent(t -> out.add("extra_time", t));
        return out.build();
    }

    private static HttpProblem invalid(String reason) {
        return HttpProblem.badRequest("Cannot create ACS control: " + reason);
    }

    private static String string(JsonObject o, String name, String label, boolean mandatory) {
        JsonValue value = o.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (mandatory) {
                throw invalid("Missing mandatory " + label);
            }
            return null;
        }
        if (!(value instanceof JsonString s)) {
            throw invalid(label + " must be a string, got " + value);
        }
        return s.getString();
    }

    private static Integer integer(JsonObject o, String name) {
        JsonValue value = o.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        try {
            if (value instanceof JsonNumber n && n.isIntegral()) {
                return n.intValueExact();
            }
        } catch (ArithmeticException e) {
            // below
        }
        throw invalid(name + " must be an integer, got " + value);
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : value.toString();
    }

    private static Optional<Instant> parseTime(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(value).toInstant(java.time.ZoneOffset.UTC));
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }
}
