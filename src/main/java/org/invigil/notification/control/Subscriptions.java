package org.invigil.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.invigil.access.control.StaffAccess;
import org.invigil.access.entity.ToolSession;
import org.invigil.exam.control.ExamUnknown;
import org.invigil.exam.control.Exams;
import org.invigil.exam.entity.Exam;
import org.invigil.ids.entity.ExamId;
import org.invigil.notification.entity.Subscription;
import org.invigil.refusal.entity.Refusal.Kind;

/**
 * Who gets an email when an attempt needs review: an exam's staff subscribe to that exam, integrity officers to
 * every exam of their platform; to the address their LMS gave at launch, or another one they name.
 */
@ApplicationScoped
public class Subscriptions {

    @PersistenceContext
    EntityManager em;

    @Inject
    Exams exams;

    @Inject
    Mailer mailer;

    Clock clock = Clock.systemUTC();

    /** The caller's subscriptions on their platform. */
    @Transactional
    public List<Subscription> of(ToolSession person) {
        return em.createQuery("select s from Subscription s where s.platformId = :platform and s.userId = :user "
                        + "order by s.createdAt", Subscription.class)
                .setParameter("platform", person.registrationId()).setParameter("user", person.userId())
                .getResultList();
    }

    /** Subscribes one of the exam's staff (or an integrity officer of its platform) to the exam. */
    @Transactional
    public Subscription toExam(ToolSession person, ExamId examId, Optional<String> address) {
        Exam exam = exams.byId(examId).orElseThrow(() -> new ExamUnknown(examId));
        StaffAccess.forExam(person, examId, Optional.of(exam.platform()));
        String email = emailOf(person, address);
        Optional<Subscription> existing = find(exam.platformId(), person.userId(), Optional.of(examId.value()));
        if (existing.isPresent()) {
            existing.get().sendTo(email);
            return existing.get();
        }
        Subscription subscription = Subscription.toExam(exam.platformId(), examId.value(), person.userId(),
                person.userName(), email, clock.instant());
        em.persist(subscription);
        return subscription;
    }

    /** Subscribes an integrity officer to every exam of their platform. */
    @Transactional
    public Subscription toPlatform(ToolSession person, Optional<String> address) {
        if (!person.isIntegrityOfficer()) {
            throw new NotificationRefused(Kind.NOT_YOURS, "officers_only", "Not allowed", "Only your institution's "
                    + "academic integrity officers can subscribe to every exam; instructors subscribe to their exam.");
        }
        String email = emailOf(person, address);
        Optional<Subscription> existing = find(person.registrationId(), person.userId(), Optional.empty());
        if (existing.isPresent()) {
            existing.get().sendTo(email);
            return existing.get();
        }
        Subscription subscription = Subscription.toPlatform(person.registrationId(), person.userId(),
                person.userName(), email, clock.instant());
        em.persist(subscription);
        return subscription;
    }

    /** Ends the caller's subscription to the exam; false when there was none. */
    @Transactional
    public boolean cancelExam(ToolSession person, ExamId examId) {
        return cancel(find(person.registrationId(), person.userId(), Optional.of(examId.value())));
    }

    /** Ends the caller's subscription to every exam of the platform; false when there was none. */
    @Transactional
    public boolean cancelPlatform(ToolSession person) {
        return cancel(find(person.registrationId(), person.userId(), Optional.empty()));
    }

    /** The addresses to tell about an attempt in the exam, each once. */
    @Transactional
    public Set<String> addressesFor(String platformId, String examId) {
        Set<String> addresses = new LinkedHashSet<>();
        em.createQuery("select s.email from Subscription s where s.platformId = :platform and (s.examId = :exam "
                        + "or s.examId is null) order by s.createdAt", String.class)
                .setParameter("platform", platformId).setParameter("exam", examId).getResultList()
                .forEach(address -> addresses.add(address.toLowerCase(Locale.ROOT)));
        return addresses;
    }

    private String emailOf(ToolSession person, Optional<String> address) {
        if (!mailer.isOn()) {
            throw new NotificationRefused(Kind.NOT_NOW, "email_off", "Email is off", Mailer.OFF);
        }
        String given = address.filter(value -> !value.isBlank()).or(person::email).orElseThrow(() ->
                NotificationRefused.badRequest("email_missing", "Your LMS did not share your email address with "
                        + "Invigil: send the address to use as {\"email\": \"...\"}."));
        return Mailer.address(given);
    }

    private Optional<Subscription> find(String platformId, String userId, Optional<String> examId) {
        String scope = examId.isPresent() ? "s.examId = :exam" : "s.examId is null";
        var query = em.createQuery("select s from Subscription s where s.platformId = :platform and s.userId = :user "
                        + "and " + scope, Subscription.class)
                .setParameter("platform", platformId).setParameter("user", userId);
        examId.ifPresent(id -> query.setParameter("exam", id));
        return query.setMaxResults(1).getResultStream().findFirst();
    }

    private boolean cancel(Optional<Subscription> subscription) {
        subscription.ifPresent(em::remove);
        return subscription.isPresent();
    }
}
