package org.invigil.grades.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.invigil.exam.control.ExamUnknown;
import org.invigil.exam.control.Exams;
import org.invigil.exam.entity.Exam;
import org.invigil.grades.entity.LineItem;
import org.invigil.grades.entity.Result;
import org.invigil.grades.entity.Score;
import org.invigil.ids.entity.ExamId;
import org.invigil.registration.control.Platforms;
import org.invigil.registration.control.RegistrationRefused;
import org.invigil.registration.entity.PlatformRegistration;

/**
 * An exam's two columns in the course gradebook. The <em>gate</em> is the exam link's own line item (deep linking
 * creates it): 100 when the student has passed the checks, which the LMS uses to release the quiz. The
 * <em>integrity</em> column, tagged {@value #INTEGRITY_TAG}, receives the integrity result.
 */
@ApplicationScoped
public class Gradebook {

    private static final Logger LOG = Logger.getLogger(Gradebook.class.getName());

    public static final String GATE_TAG = "invigil-gate";
    public static final String INTEGRITY_TAG = "invigil-integrity";
    public static final double SCORE_MAXIMUM = 100;

    /** Which column. */
    public enum Column { GATE, INTEGRITY }

    @Inject
    Exams exams;

    @Inject
    Platforms platforms;

    @Inject
    AssignmentGradeService ags;

    public void publish(ExamId examId, Column column, Score score) {
        Exam exam = exam(examId);
        PlatformRegistration platform = platform(exam);
        ags.publish(platform, lineItemUrl(exam, platform, column), score);
    }

    /** The URL of one of the exam's columns, found or created in the LMS at the first call. */
    public String lineItem(ExamId examId, Column column) {
        Exam exam = exam(examId);
        return lineItemUrl(exam, platform(exam), column);
    }

    /** Posts a score to the column with the timestamp it carries ({@link ScoreClock}, fixed by the caller). */
    public void post(ExamId examId, String lineItemUrl, Score timed) {
        ags.post(platform(exam(examId)), lineItemUrl, timed);
    }

    /** What the gradebook holds in one of this exam's columns. */
    public List<Result> results(ExamId examId, Column column) {
        Exam exam = exam(examId);
        PlatformRegistration platform = platform(exam);
        return ags.results(platform, lineItemUrl(exam, platform, column), Optional.empty());
    }

    private String lineItemUrl(Exam exam, PlatformRegistration platform, Column column) {
        if (column == Column.GATE && exam.lineItemUrl().isPresent()) {
            return exam.lineItemUrl().get();
        }
        if (column == Column.INTEGRITY && exam.integrityLineItemUrl().isPresent()) {
            return exam.integrityLineItemUrl().get();
        }
        String container = exam.lineItemsUrl().orElseThrow(GradebookRefused::notOffered);
        String label = exam.title() + (column == Column.GATE ? " · proctoring check" : " · integrity");
        LineItem item = ags.findOrCreate(platform, container, new LineItem(Optional.empty(), label, SCORE_MAXIMUM,
                exam.resourceLinkId(), Optional.of(exam.id()),
                Optional.of(column == Column.GATE ? GATE_TAG : INTEGRITY_TAG)));
        String url = item.id().orElseThrow(GradebookRefused::lineItemWithoutId);
        try {
            if (column == Column.GATE) {
                exams.useLineItem(exam.examId(), url);
            } else {
                exams.useIntegrityLineItem(exam.examId(), url);
            }
        } catch (PersistenceException | TransactionalException changedMeanwhile) {
            // another request (a launch, the outbox) changed the exam at the same moment; the column is found again
            // by its tag the next time, so remembering it can wait
            LOG.log(Level.INFO, "The exam changed while its gradebook column was noted; it is noted next time",
                    changedMeanwhile);
        }
        return url;
    }

    private Exam exam(ExamId examId) {
        return exams.byId(examId).orElseThrow(() -> new ExamUnknown(examId));
    }

    private PlatformRegistration platform(Exam exam) {
        return platforms.byId(exam.platformId()).orElseThrow(RegistrationRefused::platformRemoved);
    }
}
