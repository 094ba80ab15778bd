package org.invigil.roster.entity;

import java.util.Optional;
import org.invigil.access.entity.Roles;

/** One member of a course (NRPS 2.0 §2.2). Moodle never sends {@code picture}; Canvas does with privacy "public". */
public record Member(String userId, String status, Roles roles, Optional<String> name, Optional<String> givenName,
                     Optional<String> familyName, Optional<String> email, Optional<String> picture,
                     Optional<String> username) {

    public String displayName() {
        return name.or(() -> givenName.map(given -> (given + " " + familyName.orElse("")).trim()))
                .or(() -> email).orElse(userId);
    }

    public boolean isActive() {
        return status == null || status.isBlank() || status.equalsIgnoreCase("Active");
    }
}
