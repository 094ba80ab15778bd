package org.invigil.session.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.invigil.crypto.control.Aead;
import org.invigil.crypto.control.MasterKey;
import org.invigil.crypto.control.SealedValueException;
import org.invigil.monitoring.control.FrameIngestion;
import org.invigil.monitoring.entity.EvidenceFrame;
import org.invigil.session.entity.ProctoringSession;
import org.invigil.web.boundary.RefusalMapper;
import org.junit.jupiter.api.Test;

/**
 * Evidence is sealed under its attempt's data key and bound to its attempt: moved to another attempt it does not
 * open, and once the attempt is purged its data key is gone, so no surviving copy opens anywhere.
 */
class CryptoShreddingTest {

    static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
    static final byte[] JPEG = "a picture of the student".getBytes(StandardCharsets.UTF_8);

    final MasterKey masterKey = new MasterKey(Aead.newKey());
    final ProctoringSessions sessions = sessions(masterKey);

    static ProctoringSessions sessions(MasterKey masterKey) {
        ProctoringSessions sessions = new ProctoringSessions();
        sessions.masterKey = masterKey;
        return sessions;
    }

    ProctoringSession attempt(String user) {
        return new ProctoringSession("exam-1", "platform-1", "course-1", user, user, null, null, true,
                masterKey.wrap(Aead.newKey(), ProctoringSessions.DATA_KEY_PURPOSE), T0);
    }

    @Test
    void evidenceMovedToAnotherAttemptDoesNotOpen() throws Exception {
        ProctoringSession a = attempt("ada");
        ProctoringSession b = attempt("bob");
        EvidenceFrame frame = new EvidenceFrame("incident-1", a.id(), T0);
        byte[] sealed = Aead.seal(sessions.dataKey(a), JPEG, frame.associatedData());
        assertArrayEquals(JPEG, Aead.open(sessions.dataKey(a), sealed, frame.associatedData()));

        // the row moved to attempt b, same frame id: b's key does not open it, nor a's key with b's binding
        EvidenceFrame moved = new EvidenceFrame("incident-1", b.id(), T0);
        setId(moved, frame.id());
        assertThrows(SealedValueException.class, () -> Aead.open(sessions.dataKey(b), sealed, moved.associatedData()));
        assertThrows(SealedValueException.class, () -> Aead.open(sessions.dataKey(a), sealed, moved.associatedData()));
        // and a's wrapped key copied into b's row opens nothing of b's binding either
        assertThrows(SealedValueException.class, () -> Aead.open(sessions.dataKey(a), sealed,
                FrameIngestion.baselineAad(a.sessionId())), "a frame is not a descriptor");
    }

    @Test
    void identityPictureAndDescriptorAreBoundToTheirAttempt() {
        ProctoringSession a = attempt("ada");
        ProctoringSession b = attempt("bob");
        byte[] key = sessions.dataKey(a);
        byte[] capture = Aead.seal(key, JPEG, a.identityCaptureAssociatedData());
        byte[] baseline = Aead.seal(key, JPEG, FrameIngestion.baselineAad(a.sessionId()));
        assertThrows(SealedValueException.class, () -> Aead.open(key, capture, b.identityCaptureAssociatedData()));
        assertThrows(SealedValueException.class,
                () -> Aead.open(key, baseline, FrameIngestion.baselineAad(b.sessionId())));
    }

    @Test
    void afterThePurgeNothingSealedUnderTheAttemptsKeyCanBeOpened() {
        ProctoringSession a = attempt("ada");
        EvidenceFrame frame = new EvidenceFrame("incident-1", a.id(), T0);
        byte[] survivingCopy = Aead.seal(sessions.dataKey(a), JPEG, frame.associatedData());
        a.purged(T0.plusSeconds(86400 * 30));

        DataKeyDestroyed gone = assertThrows(DataKeyDestroyed.class, () -> sessions.dataKey(a));
        assertEquals(410, RefusalMapper.problem(gone).status());
        // not with the master key either: what is left of the wrapped key is nothing
        assertEquals(0, a.wrappedDataKey().length);
        assertThrows(SealedValueException.class, () -> masterKey.unwrap(a.wrappedDataKey(),
                ProctoringSessions.DATA_KEY_PURPOSE));
        // the only key that opens the copy is one nobody has any more
        assertThrows(SealedValueException.class, () -> Aead.open(Aead.newKey(), survivingCopy, frame.associatedData()));
    }

    private static void setId(EvidenceFrame frame, String id) throws Exception {
        Field field = EvidenceFrame.class.getDeclaredField("id");
        field.setAccessible(true);
        field.set(frame, id);
    }
}
