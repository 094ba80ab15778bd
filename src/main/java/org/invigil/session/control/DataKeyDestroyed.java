package org.invigil.session.control;

import org.invigil.web.control.Problem;
import org.invigil.web.control.ProblemException;

/** The attempt's data key was destroyed with its evidence at the end of retention: nothing sealed under it opens. */
public class DataKeyDestroyed extends ProblemException {

    private static final long serialVersionUID = 1L;

    public DataKeyDestroyed(String sessionId) {
        super(new Problem(410, "evidence_purged", "Evidence deleted",
                "The evidence of attempt " + sessionId + " was deleted at the end of its retention period."));
    }
}
