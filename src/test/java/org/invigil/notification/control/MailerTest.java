package org.invigil.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailerTest {

    @Test
    void withoutAHostEmailIsOffAndSaysHowToTurnItOn() {
        Mailer mailer = new Mailer(Optional.empty(), 25);
        assertFalse(mailer.isOn());
        assertTrue(mailer.whyOff().orElseThrow().contains("invigil.mail.host"));
        assertTrue(new Mailer(Optional.of("smtp.example.edu"), 587).whyOff().isEmpty());
    }

    @Test
    void acceptsOnlyOnePlainAddress() {
        assertEquals("rita@example.edu", Mailer.address(" rita@example.edu "));
        for (String bad : new String[] {"rita", "rita@example.edu, eve@example.com", "Rita <rita@example.edu>", ""}) {
            NotificationRefused refused = assertThrows(NotificationRefused.class, () -> Mailer.address(bad), bad);
            assertEquals("email_invalid", refused.code());
        }
    }
}
