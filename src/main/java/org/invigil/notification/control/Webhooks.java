package org.invigil.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.invigil.crypto.control.MasterKey;
import org.invigil.notification.entity.Delivery;
import org.invigil.notification.entity.Webhook;
import org.invigil.outbound.control.HttpAnswer;
import org.invigil.outbound.control.OutboundRefused;
import org.invigil.outbound.control.PlatformHttp;
import org.invigil.refusal.entity.Refusal.Kind;
import org.invigil.registration.control.Platforms;

/**
 * A platform's webhook: the tool administrator sets its URL (HTTPS to a public address unless allowed by
 * {@code invigil.outbound.allow}; checked when set and at each call) and secret; each event is POSTed as JSON with
 * {@code Invigil-Event}, {@code Invigil-Delivery} and {@code Invigil-Signature} headers, and counts as delivered on
 * any 2xx answer.
 */
@ApplicationScoped
public class Webhooks {

    static final int MIN_SECRET = 16;

    @PersistenceContext
    EntityManager em;

    @Inject
    MasterKey masterKey;

    @Inject
    PlatformHttp http;

    @Inject
    Platforms platforms;

    Clock clock = Clock.systemUTC();

    private final SecureRandom random = new SecureRandom();

    /** A configured webhook; {@code secret} only when Invigil generated it, shown this once. */
    public record Configured(String platformId, URI url, Optional<String> generatedSecret, Instant updatedAt) {
    }

    @Transactional
    public Configured configure(String platformId, String url, Optional<String> secret) {
        platforms.require(platformId);
        URI address = http.destination(url, "The webhook URL");
        Optional<String> given = secret.filter(value -> !value.isBlank()).map(String::strip);
        if (given.isPresent() && given.get().length() < MIN_SECRET) {
            throw NotificationRefused.badRequest("secret_weak", "A webhook secret must have at least " + MIN_SECRET
                    + " characters; leave it out and Invigil generates one.");
        }
        String used = given.orElseGet(this::newSecret);
        String sealed = masterKey.seal(used.getBytes(StandardCharsets.UTF_8), purpose(platformId));
        Webhook webhook = em.find(Webhook.class, platformId);
        Instant now = clock.instant();
        if (webhook == null) {
            webhook = new Webhook(platformId, address.toString(), sealed, now);
            em.persist(webhook);
        } else {
            webhook.change(address.toString(), sealed, now);
        }
        return new Configured(platformId, address, given.isPresent() ? Optional.empty() : Optional.of(used), now);
    }

    @Transactional
    public Optional<Webhook> of(String platformId) {
        return Optional.ofNullable(em.find(Webhook.class, platformId));
    }

    /** The platform's webhook; refused when the platform is unknown or has none. */
    @Transactional
    public Webhook require(String platformId) {
        platforms.require(platformId);
        return of(platformId).orElseThrow(() -> new NotificationRefused(Kind.UNKNOWN, "webhook_none", "No webhook",
                "Platform " + platformId + " has no webhook; PUT one with {\"url\": \"https://...\"}."));
    }

    @Transactional
    public boolean remove(String platformId) {
        platforms.require(platformId);
        Webhook webhook = em.find(Webhook.class, platformId);
        if (webhook != null) {
            em.remove(webhook);
        }
        return webhook != null;
    }

    /** POSTs the delivery's event, signed now; throws {@link DeliveryFailed} unless the receiver answered 2xx. */
    public void post(Webhook webhook, Delivery delivery) {
        String secret;
        try {
            secret = new String(masterKey.open(webhook.sealedSecret(), purpose(webhook.platformId())),
                    StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            throw DeliveryFailed.abandon("the webhook secret cannot be opened (was the master key changed?)");
        }
        String body = delivery.payload();
        HttpAnswer answer;
        try {
            answer = http.post(http.address(webhook.url(), "The webhook URL"), "application/json", body, Map.of(
                    "Invigil-Event", delivery.eventType(),
                    "Invigil-Delivery", delivery.id(),
                    WebhookSignature.HEADER, WebhookSignature.header(secret, clock.instant(), body)));
        } catch (OutboundRefused e) {
            throw DeliveryFailed.retry(e.detail(), e);
        }
        if (!answer.isSuccess()) {
            throw DeliveryFailed.retry(webhook.url() + " answered HTTP " + answer.status() + ".", null);
        }
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }

    private static String purpose(String platformId) {
        return "webhook-secret/" + platformId;
    }
}
