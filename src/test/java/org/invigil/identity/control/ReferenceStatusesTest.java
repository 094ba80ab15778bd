package org.invigil.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.invigil.identity.control.ReferenceStatuses.Status;
import org.invigil.identity.control.ReferenceStatuses.Stored;
import org.invigil.identity.entity.ReferencePhoto.Source;
import org.junit.jupiter.api.Test;

class ReferenceStatusesTest {

    static Stored confirmed(Source source) {
        return new Stored(source, org.invigil.identity.entity.ReferencePhoto.Status.CONFIRMED);
    }

    static final Stored PENDING_ENROLMENT = new Stored(Source.ENROLMENT,
            org.invigil.identity.entity.ReferencePhoto.Status.PENDING);

    @Test
    void theInstructorsPhotoComesFirst() {
        assertEquals(Status.INSTRUCTOR, ReferenceStatuses.status(List.of(PENDING_ENROLMENT, confirmed(Source.LMS),
                confirmed(Source.INSTRUCTOR)), true));
    }

    @Test
    void thenTheLmsPictureThenAConfirmedEnrolment() {
        assertEquals(Status.LMS, ReferenceStatuses.status(List.of(confirmed(Source.ENROLMENT), confirmed(Source.LMS)),
                false));
        assertEquals(Status.ENROLMENT, ReferenceStatuses.status(List.of(confirmed(Source.ENROLMENT)), true));
    }

    @Test
    void anEnrolmentCaptureWaitsForAPerson() {
        assertEquals(Status.ENROLMENT_PENDING, ReferenceStatuses.status(List.of(PENDING_ENROLMENT), true));
    }

    @Test
    void withoutAnyPhotoTheLmsPictureIsStillOnOffer() {
        assertEquals(Status.LMS_OFFERED, ReferenceStatuses.status(List.of(), true));
        assertEquals(Status.NONE, ReferenceStatuses.status(List.of(), false));
    }
}
