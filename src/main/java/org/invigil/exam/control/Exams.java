package org.invigil.exam.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.invigil.access.control.SessionRefused;
import org.invigil.access.control.StaffAccess;
import org.invigil.access.entity.ToolSession;
import org.invigil.audit.control.AuditLog;
import org.invigil.exam.entity.Exam;
import org.invigil.exam.entity.ExamSettings;
import org.invigil.exam.entity.ExamSummary;
import org.invigil.exam.entity.SettingsChanges;
import org.invigil.ids.entity.ExamId;
import org.invigil.ids.entity.PlatformId;

/** Finds and creates exams, and changes their settings (audited). */
@ApplicationScoped
public class Exams {

    private static final Logger LOG = Logger.getLogger(Exams.class.getName());

    /** The custom parameter a deep-linked exam carries, so its first launch finds it. */
    public static final String EXAM_PARAMETER = "invigil_exam";

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    /**
     * What a launch into a resource link says about its exam. {@code learnerNamesUrl} is Open edX's
     * {@code custom.roster_url} of a staff launch (null for any other).
     */
    public record LinkLaunch(String platformId, String deploymentId, String contextId, String contextTitle,
                             String resourceLinkId, String resourceLinkTitle, String examParameter,
                             String lineItemUrl, String lineItemsUrl, String membershipsUrl,
                             String proctoringSettings, String learnerNamesUrl) {
    }

    /**
     * The exam of a launched resource link: the one already bound to it, else the deep-linked one its custom
     * parameter names (then bound to the link), else a new one with default settings.
     */
    @Transactional
    public Exam forLaunch(LinkLaunch launch) {
        Exam exam = ofLink(PlatformId.of(launch.platformId()), launch.deploymentId(), launch.contextId(),
                launch.resourceLinkId()).orElse(null);
        if (exam == null && launch.examParameter() != null) {
            Exam drafted = em.find(Exam.class, launch.examParameter());
            if (drafted != null && drafted.resourceLinkId().isEmpty()
                    && drafted.belongsTo(launch.platformId(), launch.deploymentId(), launch.contextId())) {
                exam = drafted;
            }
        }
        if (exam == null) {
            String title = launch.resourceLinkTitle() == null || launch.resourceLinkTitle().isBlank()
                    ? "Proctored exam" : launch.resourceLinkTitle();
            exam = new Exam(launch.platformId(), launch.deploymentId(), launch.contextId(), title,
                    initialSettings(launch.proctoringSettings()), clock.instant());
            em.persist(exam);
        }
        exam.bindTo(launch.resourceLinkId());
        exam.observe(launch.contextId(), launch.contextTitle(), launch.lineItemUrl(), launch.lineItemsUrl(),
                launch.membershipsUrl());
        if (launch.learnerNamesUrl() != null) {
            exam.observeLearnerNames(launch.learnerNamesUrl());
        }
        return exam;
    }

    /**
     * A new exam's settings: those of the launch's LTI Proctoring Services {@code proctoring_settings.data} where it
     * is a JSON object in the form of the settings API (members left out take their defaults), else the defaults.
     * The data is the platform's to keep and may have been written for another tool: what cannot be read as settings
     * is logged and the defaults apply.
     */
    static ExamSettings initialSettings(String proctoringSettings) {
        if (proctoringSettings == null || proctoringSettings.isBlank()) {
            return ExamSettings.defaults();
        }
        try {
            return ExamSettings.fromJson(proctoringSettings);
        } catch (RuntimeException unreadable) {
            LOG.warning(() -> "The launch's proctoring_settings are not Invigil exam settings; the defaults apply: "
                    + unreadable.getMessage());
            return ExamSettings.defaults();
        }
    }

    /** The exam of a resource link, if a launch has bound one to it; never creates one. */
    @Transactional
    public Optional<Exam> ofLink(PlatformId platformId, String deploymentId, String contextId, String resourceLinkId) {
        String platformIdValue = platformId.value();
        return em.createQuery("select e from Exam e where e.platformId = :platform and e.deploymentId = "
                        + ":deployment and e.contextId = :context and e.resourceLinkId = :link", Exam.class)
                .setParameter("platform", platformIdValue).setParameter("deployment", deploymentId)
                .setParameter("context", contextId).setParameter("link", resourceLinkId)
                .getResultStream().findFirst();
    }

    /** An exam made by deep linking, waiting for the platform to create its resource link. */
    @Transactional
    public Exam draft(PlatformId platformId, String deploymentId, String contextId, String title,
                      ExamSettings settings) {
        String platformIdValue = platformId.value();
        Exam exam = new Exam(platformIdValue, deploymentId, contextId, title, settings, clock.instant());
        em.persist(exam);
        return exam;
    }

    /**
     * The staff member, if they may review the exam: one of its own staff, or an integrity officer of its platform.
     */
    public ToolSession reviewer(ToolSession staff, ExamId examId) {
        return StaffAccess.forExam(staff, examId, byId(examId).map(Exam::platform));
    }

    /**
     * New settings for the exam from one of its staff, written to the audit log with what changed (the screen and
     * the API alike). Attempts read the exam's settings when they need them, so a change applies to every attempt
     * from its next step on, within what each attempt's student consented to: a check switched on, or a longer
     * retention, reaches only attempts that start after it.
     */
    @Transactional
    public ExamSettings configure(ToolSession staff, ExamId examId, ExamSettings settings) {
        StaffAccess.forExam(staff, examId);
        Exam exam = byId(examId).orElseThrow(() -> new ExamUnknown(examId));
        ExamSettings before = exam.settings();
        exam.configure(settings);
        audit.record(staff, "configure-exam", "exam:" + examId,
                SettingsChanges.between(before, exam.settings()).summary());
        return exam.settings();
    }

    @Transactional
    public Optional<Exam> byId(ExamId id) {
        return Optional.ofNullable(em.find(Exam.class, id.value()));
    }

    @Transactional
    public List<Exam> ofPlatform(PlatformId platformId) {
        return em.createQuery("select e from Exam e where e.platformId = :platform order by e.contextTitle, e.title",
                Exam.class).setParameter("platform", platformId.value()).getResultList();
    }

    @Transactional
    public Optional<ExamSummary> summary(ExamId id) {
        return byId(id).map(ExamSummary::of);
    }

    /** The exam a launch's tool session is for; refused when the session names none or the exam is gone. */
    @Transactional
    public ExamSummary ofSession(ToolSession session) {
        ExamId examId = session.exam().orElseThrow(() -> SessionRefused.notAllowed("exam_missing",
                "This session is not for an exam. Open the exam from your course page."));
        return summary(examId).orElseThrow(() -> SessionRefused.notAllowed("exam_missing",
                "The exam of this session no longer exists."));
    }

    @Transactional
    public void useLineItem(ExamId examId, String lineItemUrl) {
        byId(examId).ifPresent(exam -> exam.useLineItem(lineItemUrl));
    }

    @Transactional
    public void useIntegrityLineItem(ExamId examId, String lineItemUrl) {
        byId(examId).ifPresent(exam -> exam.useIntegrityLineItem(lineItemUrl));
    }
}
