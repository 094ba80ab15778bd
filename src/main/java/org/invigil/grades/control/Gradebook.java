package org.invigil.grades.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.invigil.exam.control.Exams;
import org.invigil.exam.entity.Exam;
import org.invigil.grades.entity.LineItem;
import org.invigil.grades.entity.Result;
import org.invigil.grades.entity.Score;
import org.invigil.registration.control.Platforms;
import org.invigil.registration.entity.PlatformRegistration;
import org.invigil.web.control.Problem;
import org.invigil.web.control.ProblemException;

/**
 * An exam's integrity column in the course gradebook: the line item the exam's link carries (deep linking creates
 * it), else one Invigil finds or creates tagged {@value #TAG}.
 */
@ApplicationScoped
public class Gradebook {

    private static final Logger LOG = Logger.getLogger(Gradebook.class.getName());
    public static final String TAG = "invigil-integrity";
    public static final double SCORE_MAXIMUM = 100;

    @Inject
    Exams exams;

    @Inject
    Platforms platforms;

    @Inject
    AssignmentGradeService ags;

    @Resource
    ManagedExecutorService executor;

    /**
     * Tells the gradebook, in the background, that a student started the proctored exam (Started, Pending). A
     * platform that refuses does not stop the student; the refusal is logged.
     */
    public void recordStart(String examId, String userId) {
        executor.submit(() -> {
            try {
                publish(examId, new Score(userId, Optional.empty(), Optional.empty(), Optional.empty(),
                        Score.ActivityProgress.Started, Score.GradingProgress.Pending, null));
            } catch (ProblemException e) {
                LOG.log(Level.WARNING, "Could not record the start of exam {0} for user {1} in the gradebook: {2}",
                        new Object[] {examId, userId, e.problem().detail()});
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Recording an exam start in the gradebook failed", e);
            }
        });
    }

    /** Publishes a score to the exam's integrity line item. */
    public void publish(String examId, Score score) {
        Exam exam = exam(examId);
        PlatformRegistration platform = platform(exam);
        ags.publish(platform, lineItemUrl(exam, platform), score);
    }

    /** What the gradebook holds for this exam's integrity column. */
    public List<Result> results(String examId) {
        Exam exam = exam(examId);
        PlatformRegistration platform = platform(exam);
        return ags.results(platform, lineItemUrl(exam, platform), Optional.empty());
    }

    private String lineItemUrl(Exam exam, PlatformRegistration platform) {
        if (exam.lineItemUrl().isPresent()) {
            return exam.lineItemUrl().get();
        }
        String container = exam.lineItemsUrl().orElseThrow(() -> new ProblemException(
                new Problem(409, "gradebook_unavailable", "No gradebook",
                        "The LMS did not offer its gradebook (AGS) for this exam.")));
        LineItem item = ags.findOrCreate(platform, container, new LineItem(Optional.empty(),
                exam.title() + " · integrity", SCORE_MAXIMUM, exam.resourceLinkId(), Optional.of(exam.id()),
                Optional.of(TAG)));
        String url = item.id().orElseThrow(() -> new ProblemException(new Problem(502,
                "platform_service_error", "The LMS refused a request", "The LMS created a line item without an id.")));
        exams.useLineItem(exam.id(), url);
        return url;
    }

    private Exam exam(String examId) {
        return exams.byId(examId).orElseThrow(() -> new ProblemException(new Problem(404,
                "exam_unknown", "No such exam", "There is no exam " + examId + ".")));
    }

    private PlatformRegistration platform(Exam exam) {
        return platforms.byId(exam.platformId()).orElseThrow(() -> new ProblemException(
                new Problem(409, "platform_unknown", "Platform removed",
                        "The platform of this exam is no longer registered.")));
    }
}
