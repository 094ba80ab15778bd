package org.invigil.session.control;

import org.invigil.refusal.entity.Refusal;

/** The attempt's data key was destroyed with its evidence at the end of retention: nothing sealed under it opens. */
public class DataKeyDestroyed extends Refusal {

    private static final long serialVersionUID = 1L;

    public DataKeyDestroyed(String sessionId) {
        super(Kind.GONE, "evidence_purged", "Evidence deleted",
                "The evidence of attempt " + sessionId + " was deleted at the end of its retention period.");
    }
}
