package org.invigil.assessment.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.invigil.advantage.control.PlatformServiceException;
import org.invigil.advantage.control.ServiceCall;
import org.invigil.assessment.entity.ControlMessage;
import org.invigil.assessment.entity.ControlMessage.Action;
import org.invigil.assessment.entity.Handoff;
import org.invigil.assessment.entity.PlatformEndedAttempt;
import org.invigil.ids.entity.SessionId;
import org.invigil.outbound.control.HttpAnswer;
import org.invigil.refusal.entity.Refusal;
import org.invigil.registration.control.Platforms;
import org.invigil.registration.entity.PlatformRegistration;
import org.invigil.session.control.ProctoringSessions;
import org.invigil.session.entity.ProctoringSession;

/**
 * The Assessment Control Service client (Proctoring Services 1.0 §6): tells the platform that Invigil paused,
 * resumed or terminated an attempt, or flagged it, where the attempt's LtiStartProctoring launch offered a control
 * service and the action among those it takes. A request is stored in the same transaction as the change that caused
 * it and delivered by {@link #dispatchDue} with a client-credentials token of scope {@link #SCOPE}: in order per
 * attempt, again after a failure (5 s doubling to an hour), never again after the platform refused it. The answer's
 * {@code status} is kept, and a {@code terminated} or {@code complete} one is published ({@link PlatformEndedAttempt})
 * so that Invigil's side of the attempt ends too.
 * <p>
 * The integrity outcome travels as {@code terminate} once the attempt has ended (and again after each reviewer's
 * decision), because that is the only way Open edX takes it: reason code {@link #OUTCOME_REASON} and a severity
 * that is the result's deduction ({@code 1 − score/100}), clamped to at most {@link #REVIEW_SEVERITY_BOUNDARY}
 * when no review is needed and above it when a person must review — so that Open edX's rule (severity above 0.25
 * asks for a second review, at or below it verifies) agrees with Invigil's review state. The severity is no
 * probability: it is that formula.
 */
@ApplicationScoped
public class AssessmentControl {

    private static final Logger LOG = Logger.getLogger(AssessmentControl.class.getName());

    public static final String SCOPE = "https://purl.imsglobal.org/spec/lti-ap/scope/control.all";
    public static final String MEDIA_TYPE = "application/vnd.ims.lti-ap.v1.control+json";
    static final String SERVICE = "Assessment Control Service";
    /** Open edX's reason code for an attempt the learner submitted, the one it reviews by severity. */
    public static final String OUTCOME_REASON = "1";
    /** Open edX verifies an attempt terminated with a severity up to this, and asks for a second review above it. */
    public static final double REVIEW_SEVERITY_BOUNDARY = 0.25;
    static final Duration CLAIM_MARGIN = Duration.ofSeconds(5);
    private static final int CONFLICT = 409;
    private static final int UNSUPPORTED_MEDIA_TYPE = 415;
    /** Registrations whose control service takes only {@code application/json} (Open edX). */
    private final Set<String> plainJson = ConcurrentHashMap.newKeySet();

    @PersistenceContext
    EntityManager em;

    @Inject
    ControlClaims claims;

    @Inject
    ServiceCall calls;

    @Inject
    Platforms platforms;

    @Inject
    ProctoringSessions sessions;

    @Inject
    Event<PlatformEndedAttempt> ended;

    @Inject
    @ConfigProperty(name = "invigil.outbound.timeout-seconds", defaultValue = "10")
    int outboundTimeoutSeconds;

    @Resource
    ManagedExecutorService executor;

    Clock clock = Clock.systemUTC();

    private final AtomicBoolean dispatching = new AtomicBoolean();

    /** Monitoring of the attempt was paused (by an instructor), with the reason the learner is shown. */
    @Transactional
    public boolean paused(SessionId sessionId, String reason, Instant at) {
        return request(sessionId, Action.PAUSE, at, Optional.empty(), Optional.empty(), Optional.of(reason));
    }

    /** Monitoring of the attempt resumed. */
    @Transactional
    public boolean resumed(SessionId sessionId, String reason, Instant at) {
        return request(sessionId, Action.RESUME, at, Optional.empty(), Optional.empty(), Optional.of(reason));
    }

    /**
     * The attempt's integrity outcome, as {@code terminate} with {@link #OUTCOME_REASON} and the severity of
     * {@link #severity}; {@code concern}: a person must review the attempt, or a reviewer confirmed a concern;
     * {@code summary} is the sentence the gradebook also gets.
     */
    @Transactional
    public boolean outcome(SessionId sessionId, int score, boolean concern, String summary, Instant at) {
        return request(sessionId, Action.TERMINATE, at, Optional.of(severity(score, concern)),
                Optional.of(OUTCOME_REASON), Optional.of(summary));
    }

    /**
     * The severity sent with the outcome: the result's deduction {@code 1 − score/100}, at most
     * {@link #REVIEW_SEVERITY_BOUNDARY} without a concern, at least 0.5 with one.
     */
    public static double severity(int score, boolean concern) {
        double deduction = Math.max(0, Math.min(100, 100 - score)) / 100.0;
        return concern ? Math.max(0.5, deduction) : Math.min(REVIEW_SEVERITY_BOUNDARY, deduction);
    }

    /** Stores a request if the attempt's platform offered a control service that takes the action. */
    private boolean request(SessionId sessionId, Action action, Instant at, Optional<Double> severity,
                            Optional<String> reasonCode, Optional<String> reasonMessage) {
        Handoff handoff = em.find(Handoff.class, sessionId.value());
        if (handoff == null || !handoff.controls(action.word())) {
            return false;
        }
        List<ControlMessage> newest = em.createQuery("select c from ControlMessage c where c.sessionId = :session "
                + "order by c.createdAt desc", ControlMessage.class).setParameter("session", sessionId.value())
                .setMaxResults(1).getResultList();
        if (!newest.isEmpty() && newest.get(0).repeats(action, severity, reasonMessage)) {
            return false; // the same outcome computed again (a quiz page seen after the end): the platform has it
        }
        em.persist(new ControlMessage(sessionId.value(), action, at, severity, reasonCode, reasonMessage,
                clock.instant()));
        kick();
        return true;
    }

    /** What was asked of the platform for this attempt, oldest first. */
    @Transactional
    public List<ControlMessage> of(SessionId sessionId) {
        return em.createQuery("select c from ControlMessage c where c.sessionId = :session order by c.createdAt",
                ControlMessage.class).setParameter("session", sessionId.value()).getResultList();
    }

    /** Starts a delivery round now, in the background, rather than at the next timer tick. */
    public void kick() {
        if (executor != null) {
            executor.submit(this::dispatchDue);
        }
    }

    /** Delivers every due request, one round at a time on this node; returns how many the platform took. */
    public int dispatchDue() {
        if (!dispatching.compareAndSet(false, true)) {
            return 0;
        }
        try {
            int delivered = 0;
            for (String id : claims.due(clock.instant())) {
                if (deliver(id)) {
                    delivered++;
                }
            }
            return delivered;
        } finally {
            dispatching.set(false);
        }
    }

    private boolean deliver(String id) {
        Optional<ControlMessage> claimed;
        try {
            claimed = claims.claim(id, clock.instant(),
                    Duration.ofSeconds(Math.max(1, outboundTimeoutSeconds)).plus(CLAIM_MARGIN));
        } catch (RuntimeException anotherDispatcherWon) {
            return false;
        }
        if (claimed.isEmpty()) {
            return false;
        }
        ControlMessage message = claimed.get();
        try {
            Handoff handoff = em.find(Handoff.class, message.sessionId());
            ProctoringSession attempt = sessions.byId(SessionId.of(message.sessionId()));
            PlatformRegistration platform = platforms.require(handoff.registrationId());
            String url = handoff.controlUrl().orElseThrow();
            HttpAnswer answer = post(platform, calls.address(url, "assessment_control_url"),
                    body(message, handoff, attempt, platform).toString());
            String status = status(answer);
            if (answer.status() == CONFLICT && status == null) {
                throw new PlatformServiceException(SERVICE, CONFLICT, answer.body());
            }
            claims.delivered(id, clock.instant(), status);
            LOG.info(() -> "Assessment control " + message.action().word() + " of session " + message.sessionId()
                    + " delivered; the platform says " + status);
            if ("terminated".equals(status) || "complete".equals(status)) {
                ended.fire(new PlatformEndedAttempt(SessionId.of(message.sessionId()), status));
            }
            return true;
        } catch (PlatformServiceException e) {
            int status = e.platformStatus();
            if (status >= 400 && status < 500 && status != 401 && status != 408 && status != 429) {
                LOG.log(Level.WARNING, "The platform refused assessment control {0} of session {1}: {2}",
                        new Object[] {message.action().word(), message.sessionId(), e.detail()});
                claims.refused(id, e.detail());
            } else {
                notYet(message, e);
            }
        } catch (Refusal e) {
            notYet(message, e);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Delivering an assessment control request failed unexpectedly; it will be retried",
                    e);
            claims.failed(id, clock.instant(), e.toString());
        }
        return false;
    }

    /**
     * Posts the request as the spec's media type (TAO takes only that), and once more as plain JSON where the platform
     * answers 415 to it (Open edX takes only {@code application/json}). A 409 that names the attempt's status (TAO,
     * to a transition the attempt is past, such as terminate after complete) is returned as the answer: the platform
     * has told where the attempt stands, which is what delivery is for. A platform that took plain JSON after a 415
     * is sent plain JSON from then on (remembered by this node until it restarts).
     */
    private HttpAnswer post(PlatformRegistration platform, URI uri, String body) {
        if (plainJson.contains(platform.id())) {
            return send(platform, uri, "application/json", body);
        }
        try {
            return send(platform, uri, MEDIA_TYPE, body);
        } catch (PlatformServiceException e) {
            if (e.platformStatus() != UNSUPPORTED_MEDIA_TYPE) {
                throw e;
            }
            HttpAnswer answer = send(platform, uri, "application/json", body);
            plainJson.add(platform.id());
            return answer;
        }
    }

    private HttpAnswer send(PlatformRegistration platform, URI uri, String contentType, String body) {
        return calls.call(platform, Set.of(SCOPE), SERVICE, ServiceCall.Method.POST, uri, "application/json",
                contentType, body, Set.of(CONFLICT));
    }

    private void notYet(ControlMessage message, Refusal e) {
        LOG.log(Level.WARNING, "Assessment control {0} of session {1} not delivered yet (attempt {2}): {3}",
                new Object[] {message.action().word(), message.sessionId(), message.attempts() + 1, e.detail()});
        claims.failed(message.id(), clock.instant(), e.detail());
    }

    /**
     * The request (§6.1.1), with the union of what the platforms require: Open edX needs {@code user.sub}, the link,
     * the attempt number and, for terminate, reason code, time and severity; TAO also {@code user.iss} and
     * {@code incident_time} on every action.
     */
    static JsonObject body(ControlMessage message, Handoff handoff, ProctoringSession attempt,
                           PlatformRegistration platform) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("user", Json.createObjectBuilder().add("iss", platform.issuer()).add("sub", attempt.userId()))
                .add("resource_link", Json.createObjectBuilder().add("id", handoff.linkId()))
                .add("attempt_number", handoff.attemptNumber())
                .add("action", message.action().word())
                .add("incident_time", message.incidentTime().toString());
        message.severity().ifPresent(severity -> body.add("incident_severity", severity));
        message.reasonCode().ifPresent(code -> body.add("reason_code", code));
        message.reasonMessage().ifPresent(text -> body.add("reason_msg", text));
        return body.build();
    }

    /** The attempt's status in the platform's answer ({@code none}, {@code running}, ...); null if it sent none. */
    static String status(HttpAnswer answer) {
        try (var reader = Json.createReader(new StringReader(answer.body() == null ? "" : answer.body()))) {
            JsonValue value = reader.readObject().get("status");
            return value instanceof JsonString text ? text.getString() : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
