package org.invigil.access.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * One role in the LIS vocabulary (LTI Core 1.3 §A.2), normalised from any of the forms platforms send:
 * long context roles ({@code http://purl.imsglobal.org/vocab/lis/v2/membership#Learner}), sub-roles
 * ({@code .../membership/Instructor#TeachingAssistant}), the short names Moodle's NRPS uses ({@code Learner}),
 * institution and system roles ({@code .../lis/v2/institution/person#Administrator}) and LTI 1.1 URNs
 * ({@code urn:lti:role:ims/lis/Instructor}, {@code urn:lti:instrole:ims/lis/Administrator}).
 *
 * @param scope   context (the course), institution or system
 * @param name    the principal role, e.g. {@code Instructor}
 * @param subRole the sub-role if any, e.g. {@code TeachingAssistant}, else empty
 */
public record Role(Scope scope, String name, String subRole) {

    public enum Scope { CONTEXT, INSTITUTION, SYSTEM }

    private static final String LIS = "http://purl.imsglobal.org/vocab/lis/v2/";

    public static Role context(String name) {
        return new Role(Scope.CONTEXT, name, "");
    }

    public static Role institution(String name) {
        return new Role(Scope.INSTITUTION, name, "");
    }

    /** Reads one role value; empty when it is not a role in any form we know (it is then ignored). */
    public static Optional<Role> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String role = value.trim();
        if (role.startsWith(LIS + "membership/")) {
            String rest = role.substring((LIS + "membership/").length());
            int hash = rest.indexOf('#');
            return hash < 0 ? Optional.empty()
                    : Optional.of(new Role(Scope.CONTEXT, canonical(rest.substring(0, hash)),
                    canonical(rest.substring(hash + 1))));
        }
        if (role.startsWith(LIS + "membership#")) {
            return Optional.of(context(canonical(role.substring((LIS + "membership#").length()))));
        }
        if (role.startsWith(LIS + "institution/person#")) {
            return Optional.of(institution(canonical(role.substring((LIS + "institution/person#").length()))));
        }
        if (role.startsWith(LIS + "system/person#")) {
            return Optional.of(new Role(Scope.SYSTEM, canonical(role.substring((LIS + "system/person#").length())), ""));
        }
        if (role.startsWith("urn:lti:role:ims/lis/")) {
            return fromPath(Scope.CONTEXT, role.substring("urn:lti:role:ims/lis/".length()));
        }
        if (role.startsWith("urn:lti:instrole:ims/lis/")) {
            return fromPath(Scope.INSTITUTION, role.substring("urn:lti:instrole:ims/lis/".length()));
        }
        if (role.startsWith("urn:lti:sysrole:ims/lis/")) {
            return fromPath(Scope.SYSTEM, role.substring("urn:lti:sysrole:ims/lis/".length()));
        }
        if (role.matches("[A-Za-z]+(/[A-Za-z]+)?(#[A-Za-z]+)?")) {
            return fromPath(Scope.CONTEXT, role.replace('#', '/'));
        }
        return Optional.empty();
    }

    private static Optional<Role> fromPath(Scope scope, String path) {
        String[] parts = path.split("/");
        if (parts.length == 0 || parts[0].isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Role(scope, canonical(parts[0]), parts.length > 1 ? canonical(parts[1]) : ""));
    }

    /** Spec names are UpperCamelCase; platforms occasionally vary the case ("learner"). */
    private static String canonical(String name) {
        String trimmed = name.trim();
        for (String known : KNOWN) {
            if (known.equalsIgnoreCase(trimmed)) {
                return known;
            }
        }
        return trimmed.isEmpty() ? trimmed : trimmed.substring(0, 1).toUpperCase(Locale.ROOT) + trimmed.substring(1);
    }

    private static final String[] KNOWN = {"Learner", "Instructor", "TeachingAssistant", "ContentDeveloper",
            "Mentor", "Administrator", "Manager", "Member", "Officer", "Student", "Faculty", "Staff", "Alumni",
            "Guest", "Observer", "ProspectiveStudent", "Other", "SysAdmin", "SysSupport", "Creator", "AccountAdmin",
            "User", "Grader", "ExternalInstructor", "Lecturer", "PrimaryInstructor", "SecondaryInstructor"};

    /** The long URI form, as launches carry it. */
    public String uri() {
        return switch (scope) {
            case CONTEXT -> subRole.isEmpty() ? LIS + "membership#" + name : LIS + "membership/" + name + "#" + subRole;
            case INSTITUTION -> LIS + "institution/person#" + name;
            case SYSTEM -> LIS + "system/person#" + name;
        };
    }

    @Override
    public String toString() {
        String base = scope == Scope.CONTEXT ? name : scope.name().toLowerCase(Locale.ROOT) + ":" + name;
        return subRole.isEmpty() ? base : base + "#" + subRole;
    }
}
