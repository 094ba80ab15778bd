package org.invigil.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.invigil.access.control.StaffAccess;
import org.invigil.access.entity.ToolSession;
import org.invigil.audit.control.AuditLog;
import org.invigil.crypto.control.Aead;
import org.invigil.crypto.control.MasterKey;
import org.invigil.exam.control.ExamUnknown;
import org.invigil.exam.control.Exams;
import org.invigil.exam.entity.Exam;
import org.invigil.identity.entity.ReferencePhoto;
import org.invigil.ids.entity.ExamId;
import org.invigil.ids.entity.PlatformId;
import org.invigil.ids.entity.UserId;
import org.invigil.outbound.control.PlatformHttp;
import org.invigil.refusal.entity.Refusal.Kind;
import org.invigil.refusal.entity.Refusal;
import org.invigil.vision.entity.DescribedFace;
import org.invigil.vision.entity.FaceDescriptor;

/**
 * Reference photos, in the order Invigil trusts them: a photo the instructor uploaded, then the LMS picture, then a
 * confirmed enrolment capture. Photo and descriptor are sealed with a key derived from the master key, bound to the
 * row they belong to.
 */
@ApplicationScoped
public class References {

    private static final Logger LOG = Logger.getLogger(References.class.getName());
    static final int MAX_PICTURE_BYTES = 4 * 1024 * 1024;
    static final long MAX_PICTURE_PIXELS = 4096L * 4096;

    @PersistenceContext
    EntityManager em;

    @Inject
    MasterKey masterKey;

    @Inject
    Pictures pictures;

    @Inject
    PlatformHttp http;

    @Inject
    Exams exams;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    /** A reference usable for a comparison, with its opened descriptor. */
    public record Reference(ReferencePhoto photo, FaceDescriptor descriptor) {
    }

    /** The best confirmed reference of the student, fetching the LMS picture first if it is all there is. */
    @Transactional
    public Optional<Reference> best(PlatformId platformId, String contextId, UserId userId,
                                    Optional<String> lmsPicture) {
        String userIdValue = userId.value();
        String platformIdValue = platformId.value();
        List<ReferencePhoto> photos = of(platformIdValue, contextId, userIdValue);
        if (photos.stream().noneMatch(p -> p.source() != ReferencePhoto.Source.ENROLMENT) && lmsPicture.isPresent()) {
            fromLms(platformIdValue, contextId, userIdValue, lmsPicture.get()).ifPresent(photos::add);
        }
        Optional<ReferencePhoto> best = photos.stream()
                .filter(p -> p.status() == ReferencePhoto.Status.CONFIRMED && p.sealedDescriptor().isPresent())
                .min(Comparator.comparing(ReferencePhoto::source));
        best.ifPresent(p -> p.used(clock.instant()));
        return best.map(p -> new Reference(p, descriptor(p)));
    }

    /** Where the student's reference would come from: instructor, lms, enrolment, or none yet. */
    @Transactional
    public String sourceFor(PlatformId platformId, String contextId, UserId userId, Optional<String> lmsPicture) {
        String userIdValue = userId.value();
        String platformIdValue = platformId.value();
        Optional<ReferencePhoto> best = of(platformIdValue, contextId, userIdValue).stream()
                .filter(p -> p.status() == ReferencePhoto.Status.CONFIRMED).min(Comparator.comparing(ReferencePhoto::source));
        if (best.isPresent()) {
            return best.get().source().name().toLowerCase();
        }
        return lmsPicture.isPresent() ? "lms" : "none";
    }

    /** One of the exam's staff uploads a student's photo ({@link #upload(String, String, String, byte[])}), audited. */
    @Transactional
    public ReferencePhoto upload(ToolSession staff, ExamId examId, UserId userId, byte[] jpeg) {
        StaffAccess.forExam(staff, examId);
        Exam exam = exams.byId(examId).orElseThrow(() -> new ExamUnknown(examId));
        ReferencePhoto photo = upload(exam.platformId(), exam.contextId().orElse(""), userId.value(), jpeg);
        audit.record(staff, "upload-reference", "exam:" + examId, "student " + userId);
        return photo;
    }

    /** An instructor's photo of a student: it must show exactly one face. */
    @Transactional
    public ReferencePhoto upload(String platformId, String contextId, String userId, byte[] jpeg) {
        List<DescribedFace> faces = pictures.describe(jpeg);
        if (faces.size() != 1) {
            throw new ReferenceRefused(Kind.UNUSABLE, "reference_faces", "Not a usable reference photo",
                    "A reference photo must show exactly one face; this one shows " + faces.size() + ".");
        }
        of(platformId, contextId, userId).stream().filter(p -> p.source() == ReferencePhoto.Source.INSTRUCTOR)
                .forEach(em::remove);
        return store(platformId, contextId, userId, ReferencePhoto.Source.INSTRUCTOR, jpeg, faces.get(0).descriptor());
    }

    /** A capture kept as the student's reference until a person confirms it. */
    @Transactional
    public ReferencePhoto enrol(String platformId, String contextId, String userId, byte[] jpeg,
                                FaceDescriptor descriptor) {
        of(platformId, contextId, userId).stream().filter(p -> p.source() == ReferencePhoto.Source.ENROLMENT
                && p.status() == ReferencePhoto.Status.PENDING).forEach(em::remove);
        return store(platformId, contextId, userId, ReferencePhoto.Source.ENROLMENT, jpeg, descriptor);
    }

    /** Confirmed references of the course's other students, for the proxy test-taker check. */
    @Transactional
    public List<Reference> othersInCourse(String platformId, String contextId, String userId) {
        return em.createQuery("select r from ReferencePhoto r where r.platformId = :platform and r.contextId = "
                        + ":context and r.userId <> :user", ReferencePhoto.class)
                .setParameter("platform", platformId).setParameter("context", contextId).setParameter("user", userId)
                .getResultList().stream()
                .filter(p -> p.sealedDescriptor().isPresent())
                .map(p -> new Reference(p, descriptor(p))).toList();
    }

    /** The photo a reviewer compares with: the best reference, confirmed or waiting for confirmation. */
    @Transactional
    public Optional<byte[]> photoForReview(PlatformId platformId, String contextId, UserId userId) {
        String userIdValue = userId.value();
        String platformIdValue = platformId.value();
        return of(platformIdValue, contextId, userIdValue).stream()
                .min(Comparator.comparing(ReferencePhoto::source).thenComparing(ReferencePhoto::status))
                .map(this::openPhoto);
    }

    /** The reference photos whose retention has passed since their last use, oldest first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> dueForDeletion(Instant now, int retentionDays) {
        return em.createQuery("select r from ReferencePhoto r order by r.createdAt", ReferencePhoto.class)
                .getResultList().stream().filter(p -> p.isDueForDeletion(now, retentionDays))
                .map(ReferencePhoto::id).toList();
    }

    /**
     * Deletes a reference photo and its descriptor at the end of their retention, with a receipt in the audit log
     * (whose, which kind, since when unused); false if it is already gone or was used again meanwhile.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean deleteExpired(String id, Instant now, int retentionDays) {
        ReferencePhoto photo = em.find(ReferencePhoto.class, id);
        if (photo == null || !photo.isDueForDeletion(now, retentionDays)) {
            return false;
        }
        em.remove(photo);
        audit.recordSystem("retention", "Retention", PlatformId.of(photo.platformId()), "reference.deleted",
                "reference:" + photo.platformId() + "/" + photo.contextId() + "/" + photo.userId(),
                "The " + photo.source().name().toLowerCase() + " reference photo and its face descriptor of student "
                        + photo.userId() + " in course " + photo.contextId() + " were deleted: unused since "
                        + photo.lastUsedAt() + ", retention " + retentionDays + " days.");
        return true;
    }

    @Transactional
    public byte[] openPhoto(ReferencePhoto photo) {
        return Aead.open(key(), photo.sealedJpeg(), photo.associatedData("jpeg"));
    }

    private Optional<ReferencePhoto> fromLms(String platformId, String contextId, String userId, String url) {
        try {
            byte[] bytes = asJpeg(http.getBytes(http.address(url, "The LMS picture URL"), MAX_PICTURE_BYTES));
            List<DescribedFace> faces = pictures.describe(bytes);
            if (faces.size() != 1) {
                LOG.info(() -> "The LMS picture of user " + userId + " shows " + faces.size() + " faces; not used");
                return Optional.empty();
            }
            return Optional.of(store(platformId, contextId, userId, ReferencePhoto.Source.LMS, bytes,
                    faces.get(0).descriptor()));
        } catch (Refusal | IOException e) {
            LOG.log(Level.INFO, "The LMS picture of user {0} could not be used: {1}", new Object[] {userId, e.getMessage()});
            return Optional.empty();
        }
    }

    private ReferencePhoto store(String platformId, String contextId, String userId, ReferencePhoto.Source source,
                                 byte[] jpeg, FaceDescriptor descriptor) {
        ReferencePhoto photo = new ReferencePhoto(platformId, contextId, userId, source, clock.instant());
        byte[] key = key();
        photo.seal(Aead.seal(key, jpeg, photo.associatedData("jpeg")),
                Aead.seal(key, Descriptors.encode(descriptor), photo.associatedData("descriptor")),
                descriptor.model().name() + "@" + descriptor.model().version());
        em.persist(photo);
        return photo;
    }

    private FaceDescriptor descriptor(ReferencePhoto photo) {
        return Descriptors.decode(Aead.open(key(), photo.sealedDescriptor().orElseThrow(),
                photo.associatedData("descriptor")));
    }

    private List<ReferencePhoto> of(String platformId, String contextId, String userId) {
        return new ArrayList<>(em.createQuery("select r from ReferencePhoto r where r.platformId = :platform "
                        + "and r.contextId = :context and r.userId = :user", ReferencePhoto.class)
                .setParameter("platform", platformId).setParameter("context", contextId).setParameter("user", userId)
                .getResultList());
    }

    private byte[] key() {
        return masterKey.derive("reference-photos");
    }

    /** LMS avatars are often PNG; the engine takes JPEG. */
    static byte[] asJpeg(byte[] image) throws IOException {
        if (image.length > 2 && (image[0] & 0xff) == 0xff && (image[1] & 0xff) == 0xd8) {
            return image;
        }
        BufferedImage decoded;
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new IOException("not an image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PICTURE_PIXELS) {
                    throw new IOException("the picture declares more than " + MAX_PICTURE_PIXELS + " pixels");
                }
                decoded = reader.read(0);
            } finally {
                reader.dispose();
            }
        }
        BufferedImage rgb = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(decoded, 0, 0, Color.WHITE, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(rgb, "jpg", out);
        return out.toByteArray();
    }
}
