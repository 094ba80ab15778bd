package org.invigil.review.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.invigil.access.entity.ToolSession;
import org.invigil.audit.control.AuditLog;
import org.invigil.exam.control.Exams;
import org.invigil.ids.entity.ExamId;
import org.invigil.refusal.entity.Refusal.Kind;
import org.invigil.session.control.ProctoringSessions;
import org.invigil.session.entity.ProctoringSession;

/**
 * Names for the students of an exam whom the platform launched by an anonymous id only. Open edX (edx-exams) sends
 * none, but gives course staff a roster, {@code [[anonymous_user_id, username], ...]}, that only the staff member's
 * own browser session may read; their page hands it over here. Only the attempts of this exam whose name is still
 * the id take a name: nothing is kept for anyone who has no attempt, and a name a launch gave is never replaced.
 */
@ApplicationScoped
public class LearnerNames {

    /** More pairs than this is not an exam roster. */
    public static final int MAX_PAIRS = 20_000;

    /** Django's {@code User.username} holds at most 150 characters. */
    static final int MAX_NAME = 150;

    @Inject
    Exams exams;

    @Inject
    ProctoringSessions sessions;

    @Inject
    AuditLog audit;

    /** What a roster did: pairs it listed, attempts it named now, and pairs for nobody with an attempt here. */
    public record Learned(int listed, int named, int unknown) {
    }

    @Transactional
    public Learned learn(ToolSession staff, ExamId examId, JsonArray roster) {
        exams.reviewer(staff, examId);
        Map<String, String> names = names(roster);
        List<ProctoringSession> attempts = sessions.ofExam(examId);
        int named = 0;
        Set<String> known = new HashSet<>();
        for (ProctoringSession attempt : attempts) {
            String name = names.get(attempt.userId());
            if (name != null) {
                known.add(attempt.userId());
                if (attempt.learnName(name)) {
                    named++;
                }
            }
        }
        Learned learned = new Learned(names.size(), named, names.size() - known.size());
        if (named > 0) {
            audit.record(staff, "learn-names", "exam:" + examId.value(), "named " + named + " attempt(s) from the "
                    + "platform's roster");
        }
        return learned;
    }

    /** The roster's pairs by id, each checked; the first pair that is not {@code [id, name]} refuses the whole. */
    static Map<String, String> names(JsonArray roster) {
        if (roster.size() > MAX_PAIRS) {
            throw invalid("The roster lists " + roster.size() + " pairs; at most " + MAX_PAIRS + " are taken.");
        }
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < roster.size(); i++) {
            JsonValue pair = roster.get(i);
            if (!(pair instanceof JsonArray two) || two.size() != 2 || !(two.get(0) instanceof JsonString id)
                    || !(two.get(1) instanceof JsonString name)) {
                throw invalid("Item " + i + " of the roster is not a pair of strings [anonymous_user_id, username].");
            }
            String user = id.getString().strip();
            String username = name.getString().strip();
            if (user.isEmpty() || user.length() > 255) {
                throw invalid("Item " + i + " of the roster has an empty or over-long anonymous_user_id.");
            }
            if (username.isEmpty() || username.length() > MAX_NAME || username.chars().anyMatch(Character::isISOControl)) {
                throw invalid("Item " + i + " of the roster has a username that is empty, longer than " + MAX_NAME
                        + " characters or holds control characters.");
            }
            String earlier = names.putIfAbsent(user, username);
            if (earlier != null && !earlier.equals(username)) {
                throw invalid("The roster names " + user + " twice, differently.");
            }
        }
        return names;
    }

    private static ReviewRefused invalid(String detail) {
        return new ReviewRefused(Kind.INVALID, "roster_malformed", "Roster not readable", detail);
    }
}
