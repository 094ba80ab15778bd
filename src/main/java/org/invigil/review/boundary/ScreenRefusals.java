package org.invigil.review.boundary;

import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.invigil.refusal.entity.Refusal;
import org.invigil.web.boundary.RefusalMapper;
import org.invigil.web.control.Problem;

/** Answers a refused screen with its status (403, 404 ...) and the plain page for it, never a stack trace. */
final class ScreenRefusals {

    private ScreenRefusals() {
    }

    static void send(Refusal refusal) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Problem problem = RefusalMapper.problem(refusal);
        try {
            faces.getExternalContext().responseSendError(problem.status(), problem.detail());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }
}
