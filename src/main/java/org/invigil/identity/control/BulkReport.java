package org.invigil.identity.control;

import java.util.List;

/** What became of each file of a bulk upload of reference photos. */
public record BulkReport(List<Line> lines) {

    /** What became of one file. */
    public enum Outcome {
        /** Named after a member of the roster and stored as their reference photo. */
        MATCHED,
        /** Its name is no member's LMS user id, email or username. */
        UNMATCHED,
        /** Named after a member, but not usable: no face, several faces, not a JPEG, too large. */
        REJECTED,
        /** Another file of the archive names the same member: none of them is used. */
        DUPLICATE;

        public String id() {
            return name().toLowerCase();
        }
    }

    /**
     * @param file    the entry's name in the archive
     * @param userId  the member the file was matched to, empty when none
     * @param student the member's name, empty when none
     * @param detail  why, in plain words
     */
    public record Line(String file, Outcome outcome, String userId, String student, String detail) {
    }

    public BulkReport {
        lines = List.copyOf(lines);
    }

    public List<Line> of(Outcome outcome) {
        return lines.stream().filter(line -> line.outcome() == outcome).toList();
    }

    public long count(Outcome outcome) {
        return of(outcome).size();
    }

    /** "2 matched, 1 unmatched, 1 rejected, 0 duplicates". */
    public String summary() {
        return count(Outcome.MATCHED) + " matched, " + count(Outcome.UNMATCHED) + " unmatched, "
                + count(Outcome.REJECTED) + " rejected, " + count(Outcome.DUPLICATE) + " duplicates";
    }
}
