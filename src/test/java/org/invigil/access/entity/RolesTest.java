package org.invigil.access.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RolesTest {

    @Test
    void longAndShortContextRolesAreTheSameRole() {
        Role longForm = Role.parse("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner").orElseThrow();
        assertEquals(longForm, Role.parse("Learner").orElseThrow());
        assertEquals(longForm, Role.parse("urn:lti:role:ims/lis/Learner").orElseThrow());
        assertEquals(longForm, Role.parse("learner").orElseThrow());
        assertEquals("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner", longForm.uri());
    }

    @Test
    void subRolesAreKept() {
        Role ta = Role.parse("http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant")
                .orElseThrow();
        assertEquals(new Role(Role.Scope.CONTEXT, "Instructor", "TeachingAssistant"), ta);
        assertEquals(ta, Role.parse("Instructor#TeachingAssistant").orElseThrow());
        assertEquals(ta, Role.parse("urn:lti:role:ims/lis/Instructor/TeachingAssistant").orElseThrow());
    }

    @Test
    void institutionAndSystemRolesAreNotCourseRoles() {
        Role admin = Role.parse("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator").orElseThrow();
        assertEquals(Role.institution("Administrator"), admin);
        assertEquals(admin, Role.parse("urn:lti:instrole:ims/lis/Administrator").orElseThrow());
        assertEquals(Role.Scope.SYSTEM,
                Role.parse("http://purl.imsglobal.org/vocab/lis/v2/system/person#SysAdmin").orElseThrow().scope());
        Roles student = Roles.parse(List.of("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student"));
        assertFalse(student.isLearner());
    }

    @Test
    void unknownValuesAreIgnored() {
        assertEquals(Optional.empty(), Role.parse("https://example.com/role#Boss"));
        assertEquals(Optional.empty(), Role.parse(""));
        assertTrue(Roles.parse(List.of("https://example.com/role#Boss", "!!")).values().isEmpty());
    }

    @Test
    void staffAreInstructorsAssistantsAndAdministrators() {
        assertTrue(Roles.parse(List.of("Instructor")).isStaff());
        assertTrue(Roles.parse(List.of("http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant"))
                .isTeachingAssistant());
        assertTrue(Roles.parse(List.of("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator"))
                .isStaff());
        assertTrue(Roles.parse(List.of("ContentDeveloper")).isStaff());
        assertFalse(Roles.parse(List.of("Learner")).isStaff());
        assertFalse(Roles.parse(List.of()).isStaff());
        assertTrue(Roles.parse(List.of("Learner")).isLearner());
    }
}
