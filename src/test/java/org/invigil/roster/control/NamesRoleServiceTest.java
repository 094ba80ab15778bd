package org.invigil.roster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.StringReader;
import org.invigil.roster.entity.Member;
import org.junit.jupiter.api.Test;

class NamesRoleServiceTest {

    @Test
    void readsMoodlesShortRolesWithoutPicture() {
        Member member = NamesRoleService.member(Json.createReader(new StringReader("""
                {"status":"Active","roles":["Learner"],"user_id":"3","name":"Stu Dent","given_name":"Stu",
                 "family_name":"Dent","email":"student1@example.com","ext_user_username":"student1"}""")).readObject());
        assertEquals("3", member.userId());
        assertTrue(member.roles().isLearner());
        assertTrue(member.picture().isEmpty());
        assertEquals("student1", member.username().orElseThrow());
        assertEquals("Stu Dent", member.displayName());
    }

    @Test
    void readsCanvasLongRolesWithPicture() {
        Member member = NamesRoleService.member(Json.createReader(new StringReader("""
                {"status":"Active","user_id":"abc","roles":["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"],
                 "picture":"https://canvas.example/avatar.png","given_name":"Ina","family_name":"Structor"}""")).readObject());
        assertTrue(member.roles().isStaff());
        assertEquals("https://canvas.example/avatar.png", member.picture().orElseThrow());
        assertEquals("Ina Structor", member.displayName());
    }
}
