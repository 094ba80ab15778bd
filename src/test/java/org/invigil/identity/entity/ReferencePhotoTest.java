package org.invigil.identity.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReferencePhotoTest {

    static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

    @Test
    void aPhotoNeverUsedIsKeptForTheRetentionFromItsUpload() {
        ReferencePhoto photo = new ReferencePhoto("p", "course", "u", ReferencePhoto.Source.INSTRUCTOR, T0);
        assertEquals(T0, photo.lastUsedAt());
        assertFalse(photo.isDueForDeletion(T0.plus(Duration.ofDays(180)).minusSeconds(1), 180));
        assertTrue(photo.isDueForDeletion(T0.plus(Duration.ofDays(180)), 180));
    }

    @Test
    void eachUseStartsTheRetentionAgain() {
        ReferencePhoto photo = new ReferencePhoto("p", "course", "u", ReferencePhoto.Source.LMS, T0);
        Instant used = T0.plus(Duration.ofDays(100));
        photo.used(used);
        photo.used(T0.plus(Duration.ofDays(50)));
        assertEquals(used, photo.lastUsedAt(), "an earlier use does not move it back");
        assertFalse(photo.isDueForDeletion(T0.plus(Duration.ofDays(180)), 180));
        assertTrue(photo.isDueForDeletion(used.plus(Duration.ofDays(180)), 180));
    }
}
