package org.invigil.review.boundary;

import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.invigil.web.control.ProblemException;

/** Answers a refused screen with its status (403, 404 ...) and the plain page for it, never a stack trace. */
final class ScreenRefusals {

    private ScreenRefusals() {
    }

    static void send(ProblemException refusal) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(refusal.problem().status(), refusal.problem().detail());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }
}
