package org.invigil.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    static final String SECRET = "whsec_0123456789abcdef";
    static final String BODY = "{\"type\":\"attempt.needs_review\",\"id\":\"e1\"}";
    static final Instant AT = Instant.ofEpochSecond(1_700_000_000L);
    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void signsTheTimestampAndBodyWithHmacSha256() {
        String header = WebhookSignature.header(SECRET, AT, BODY);
        assertTrue(header.matches("t=1700000000,v1=[0-9a-f]{64}"), header);
        // printf '%s' '1700000000.<body>' | openssl dgst -sha256 -hmac whsec_0123456789abcdef
        assertEquals("t=1700000000,v1=b3ede0f94704f7bdf3e9f21d9d15289ae198b9401ae94461230f1573527b204f", header);
    }

    @Test
    void matchesAnIndependentlyComputedHmac() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA256"));
        String expected = java.util.HexFormat.of().formatHex(mac.doFinal(("1700000000." + BODY)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("t=1700000000,v1=" + expected, WebhookSignature.header(SECRET, AT, BODY));
    }

    @Test
    void aReceiverAcceptsTheGenuineSignatureWithinTolerance() {
        String header = WebhookSignature.header(SECRET, AT, BODY);
        assertTrue(WebhookSignature.verify(header, SECRET, BODY, AT.plusSeconds(60), FIVE_MINUTES));
        assertTrue(WebhookSignature.verify(header.toUpperCase().replace("T=", "t=").replace("V1=", "v1="), SECRET,
                BODY, AT, FIVE_MINUTES), "hex in upper case");
    }

    @Test
    void aReceiverRejectsAnAlteredBodyAWrongSecretOrAnOldTimestamp() {
        String header = WebhookSignature.header(SECRET, AT, BODY);
        assertFalse(WebhookSignature.verify(header, SECRET, BODY.replace("e1", "e2"), AT, FIVE_MINUTES));
        assertFalse(WebhookSignature.verify(header, "another-secret-0123456789", BODY, AT, FIVE_MINUTES));
        assertFalse(WebhookSignature.verify(header, SECRET, BODY, AT.plus(Duration.ofMinutes(6)), FIVE_MINUTES),
                "a replay after the tolerance");
        assertFalse(WebhookSignature.verify(header.replace("t=1700000000", "t=1700000001"), SECRET, BODY, AT,
                FIVE_MINUTES), "the timestamp is signed too");
        assertFalse(WebhookSignature.verify(null, SECRET, BODY, AT, FIVE_MINUTES));
        assertFalse(WebhookSignature.verify("v1=abc", SECRET, BODY, AT, FIVE_MINUTES));
    }
}
