package org.invigil.simulator;

import java.util.Arrays;
import java.util.Optional;

/**
 * LIS v2 roles (LTI Core 1.3 §A.2). Context (membership) roles are given per course with
 * {@link Course#enrol(User, Role...)}; institution and system roles per user with
 * {@link User#institutionRoles(Role...)}. Launches always carry {@link #uri()}; Moodle's NRPS answers
 * {@link #shortName()} for context roles.
 */
public enum Role {
    LEARNER(Kind.CONTEXT, "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner", "Learner"),
    INSTRUCTOR(Kind.CONTEXT, "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor", "Instructor"),
    TEACHING_ASSISTANT(Kind.CONTEXT, "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant",
            "TeachingAssistant"),
    CONTENT_DEVELOPER(Kind.CONTEXT, "http://purl.imsglobal.org/vocab/lis/v2/membership#ContentDeveloper",
            "ContentDeveloper"),
    MENTOR(Kind.CONTEXT, "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor", "Mentor"),
    ADMINISTRATOR(Kind.INSTITUTION, "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator",
            "Administrator"),
    INSTITUTION_STUDENT(Kind.INSTITUTION, "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student",
            "Student"),
    INSTITUTION_INSTRUCTOR(Kind.INSTITUTION, "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor",
            "Instructor"),
    SYSTEM_ADMINISTRATOR(Kind.SYSTEM, "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator",
            "Administrator"),
    SYSTEM_USER(Kind.SYSTEM, "http://purl.imsglobal.org/vocab/lis/v2/system/person#User", "User");

    enum Kind { CONTEXT, INSTITUTION, SYSTEM }

    private final Kind kind;
    private final String uri;
    private final String shortName;

    Role(Kind kind, String uri, String shortName) {
        this.kind = kind;
        this.uri = uri;
        this.shortName = shortName;
    }

    /** The full LIS vocabulary URI, as in the {@code roles} claim. */
    public String uri() {
        return uri;
    }

    /** The simple name Moodle's NRPS uses for context roles, e.g. {@code Learner}. */
    public String shortName() {
        return shortName;
    }

    /** Whether this is a context (course membership) role. */
    public boolean isContextRole() {
        return kind == Kind.CONTEXT;
    }

    /** Finds a context role by full URI or short name, as the NRPS {@code role} parameter allows both. */
    public static Optional<Role> contextRole(String uriOrShortName) {
        return Arrays.stream(values())
                .filter(Role::isContextRole)
                .filter(r -> r.uri.equals(uriOrShortName) || r.shortName.equals(uriOrShortName))
                .findFirst();
    }
}
