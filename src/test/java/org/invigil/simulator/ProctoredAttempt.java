package org.invigil.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One attempt of a user at a proctored resource link, as the platform tracks it (Proctoring Services 1.0): it
 * exists once the platform sent an LtiStartProctoring launch for it, starts when the tool's LtiStartAssessment is
 * accepted, ends when the learner finishes the assessment, and the tool may control it over the Assessment Control
 * Service. It keeps both the spec's {@link Status} (what the ACS answers) and Open edX's attempt status
 * ({@link #edxStatus()}, edx-exams' {@code ExamAttemptStatus}).
 * <p>
 * Transitions of the spec status ({@link Flavor#TAO}'s ACS; 409 when impossible):
 * <pre>
 * none     -- StartAssessment --> running   (pause/resume: 409; update, flag: stay; terminate: terminated)
 * running  -- pause --> paused  -- resume --> running     (update, flag: stay)
 * running|paused|none -- terminate --> terminated         (terminate again, flag: stay; pause/resume/update: 409)
 * running|paused|none -- the learner finishes --> complete (flag: stays; everything else: 409)
 * </pre>
 */
public final class ProctoredAttempt {
    /** The {@code status} values of an Assessment Control Service response (Proctoring Services 1.0). */
    public enum Status {
        NONE, RUNNING, PAUSED, TERMINATED, COMPLETE;

        /** The JSON value: {@code none}, {@code running}, ... */
        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** edx-exams statuses from which its ACS accepts a request ({@code VALID_STATUSES} in {@code acs}). */
    private static final Set<String> EDX_CONTROLLABLE = Set.of("ready_to_start", "started", "ready_to_submit",
            "timed_out", "submitted");
    private static final Set<String> EDX_REVIEWED = Set.of("verified", "second_review_required", "error");

    private final String id;
    private final ToolRegistration tool;
    private final User user;
    private final ResourceLink link;
    private final int number;
    private final List<String> sessionData = new ArrayList<>();
    private String deploymentId;
    private long lastLaunch;
    private Status status = Status.NONE;
    private String edxStatus = "download_software_clicked";
    private boolean started;
    private boolean endAssessmentReturn;
    private Integer extraTime;

    ProctoredAttempt(String id, ToolRegistration tool, User user, ResourceLink link, int number) {
        this.id = id;
        this.tool = tool;
        this.user = user;
        this.link = link;
        this.number = number;
    }

    // ---------------------------------------------------------------- platform events

    synchronized void launched(String issuedSessionData, String deployment, long sequence) {
        if (issuedSessionData != null) {
            sessionData.add(issuedSessionData);
        }
        this.deploymentId = deployment;
        this.lastLaunch = sequence;
    }

    /** The tool's LtiStartAssessment was accepted. */
    synchronized void start(boolean returnAtEnd) {
        this.started = true;
        this.endAssessmentReturn = returnAtEnd;
        if (status == Status.NONE) {
            status = Status.RUNNING;
        }
        if (edxStatus.equals("download_software_clicked")) {
            edxStatus = "ready_to_start";
        }
    }

    /** The learner finished (submitted) the assessment. */
    synchronized void finish() {
        if (status != Status.TERMINATED) {
            status = Status.COMPLETE;
        }
        if (!EDX_REVIEWED.contains(edxStatus)) {
            edxStatus = "submitted";
        }
    }

    // ---------------------------------------------------------------- assessment control (spec status)

    synchronized Status pause() {
        require(status == Status.RUNNING || status == Status.PAUSED, "pause");
        status = Status.PAUSED;
        return status;
    }

    synchronized Status resume() {
        require(status == Status.RUNNING || status == Status.PAUSED, "resume");
        status = Status.RUNNING;
        return status;
    }

    synchronized Status terminate() {
        require(status != Status.COMPLETE, "terminate");
        status = Status.TERMINATED;
        return status;
    }

    synchronized Status addExtraTime(Integer seconds) {
        require(status != Status.TERMINATED && status != Status.COMPLETE, "update");
        if (seconds != null) {
            extraTime = (extraTime == null ? 0 : extraTime) + seconds;
        }
        return status;
    }

    synchronized Status flag() {
        return status;
    }

    private void require(boolean possible, String action) {
        if (!possible) {
            throw new IllegalStateException("cannot " + action + " an attempt that is " + status.value());
        }
    }

    // ---------------------------------------------------------------- assessment control (edx-exams)

    /** Whether edx-exams' ACS would act on this attempt (it has started and is not reviewed yet). */
    synchronized boolean edxControllable() {
        return EDX_CONTROLLABLE.contains(edxStatus);
    }

    /** edx-exams' terminate: the review status derived from reason_code and severity. */
    synchronized void review(String reviewStatus) {
        this.edxStatus = reviewStatus;
        this.status = Status.TERMINATED;
    }

    // ---------------------------------------------------------------- reading

    /** An opaque id (in the simulator's assessment page URLs). */
    public String id() {
        return id;
    }

    public ToolRegistration tool() {
        return tool;
    }

    public User user() {
        return user;
    }

    public ResourceLink link() {
        return link;
    }

    /** The {@code attempt_number}. */
    public int number() {
        return number;
    }

    /** The deployment of the latest LtiStartProctoring launch. */
    public synchronized String deploymentId() {
        return deploymentId;
    }

    /** The spec status the ACS answers. */
    public synchronized Status status() {
        return status;
    }

    /**
     * edx-exams' attempt status: {@code download_software_clicked} after the launch, {@code ready_to_start} after
     * LtiStartAssessment, {@code submitted} when finished, then the review result of an ACS terminate:
     * {@code verified}, {@code second_review_required} or {@code error}.
     */
    public synchronized String edxStatus() {
        return edxStatus;
    }

    /** Whether an LtiStartAssessment was accepted for it. */
    public synchronized boolean started() {
        return started;
    }

    /** Whether the tool asked for an LtiEndAssessment when the assessment ends. */
    public synchronized boolean endAssessmentReturn() {
        return endAssessmentReturn;
    }

    /** The sum of the {@code extra_time} of ACS {@code update} requests (in the unit the tool sends), if any. */
    public synchronized java.util.Optional<Integer> extraTime() {
        return java.util.Optional.ofNullable(extraTime);
    }

    /** Every {@code session_data} the platform sent for it, oldest first. */
    public synchronized List<String> sessionData() {
        return List.copyOf(sessionData);
    }

    synchronized long lastLaunch() {
        return lastLaunch;
    }

    @Override
    public String toString() {
        return "ProctoredAttempt[" + number + " of " + user + " on " + link + " to " + tool.clientId() + "]";
    }
}
