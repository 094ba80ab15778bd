package org.invigil.access.entity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The roles of one person in one launch, with the questions Invigil asks of them. */
public record Roles(Set<Role> values) {

    public Roles {
        values = Set.copyOf(values);
    }

    /** Normalises every known form; unknown values are dropped. */
    public static Roles parse(Collection<String> raw) {
        Set<Role> roles = new LinkedHashSet<>();
        for (String value : raw) {
            Role.parse(value).ifPresent(roles::add);
        }
        return new Roles(roles);
    }

    public boolean has(Role.Scope scope, String name) {
        return values.stream().anyMatch(role -> role.scope() == scope && role.name().equals(name));
    }

    public boolean isLearner() {
        return has(Role.Scope.CONTEXT, "Learner");
    }

    /** A teaching assistant is {@code Instructor#TeachingAssistant} in LIS v2, or plain {@code TeachingAssistant}. */
    public boolean isTeachingAssistant() {
        return values.stream().anyMatch(role -> role.scope() == Role.Scope.CONTEXT
                && (role.name().equals("TeachingAssistant") || role.subRole().equals("TeachingAssistant")));
    }

    public boolean isInstructor() {
        return has(Role.Scope.CONTEXT, "Instructor") || has(Role.Scope.CONTEXT, "ContentDeveloper");
    }

    /** Course administrators, institution administrators and system administrators. */
    public boolean isAdministrator() {
        return values.stream().anyMatch(role -> role.name().equals("Administrator")
                || role.scope() == Role.Scope.SYSTEM && (role.name().equals("SysAdmin")
                || role.name().equals("AccountAdmin")));
    }

    /** Who lands on the instructor page: instructors, content developers, teaching assistants, administrators. */
    public boolean isStaff() {
        return isInstructor() || isTeachingAssistant() || isAdministrator();
    }

    public Set<String> uris() {
        return values.stream().map(Role::uri).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Override
    public String toString() {
        return values.stream().map(Role::toString).collect(Collectors.joining(", "));
    }
}
