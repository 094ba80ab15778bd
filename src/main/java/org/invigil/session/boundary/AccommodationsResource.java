package org.invigil.session.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigInteger;
import java.util.EnumSet;
import java.util.Set;
import org.invigil.access.control.BearerToken;
import org.invigil.access.control.StaffAccess;
import org.invigil.access.control.ToolSessions;
import org.invigil.access.entity.ToolSession;
import org.invigil.exam.entity.Check;
import org.invigil.ids.entity.ExamId;
import org.invigil.ids.entity.UserId;
import org.invigil.session.control.Accommodations;
import org.invigil.web.control.Problem;
import org.invigil.web.control.ProblemException;

/**
 * An instructor switches individual checks off for one student: {@code PUT /api/exams/{exam}/accommodations/{user}}
 * with {@code {"checksOff": ["head-pose", ...], "extraMinutes": 30, "note": "..."}} (extra time is optional, in
 * minutes, and moves the exam's close time for this student); audited.
 */
@Path("exams/{examId}/accommodations/{userId}")
@Produces(MediaType.APPLICATION_JSON)
public class AccommodationsResource {

    @Inject
    ToolSessions toolSessions;

    @Inject
    Accommodations accommodations;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject put(@HeaderParam("Authorization") String authorization, @PathParam("examId") String examId,
                          @PathParam("userId") String userId, JsonObject body) {
        ToolSession staff = toolSessions.open(BearerToken.from(authorization));
        ExamId exam = ExamId.of(examId);
        StaffAccess.forExam(staff, exam);
        Set<Check> off = EnumSet.noneOf(Check.class);
        if (body == null || body.get("checksOff") == null || body.get("checksOff").getValueType()
                != JsonValue.ValueType.ARRAY) {
            throw new ProblemException(Problem.badRequest("checks_off_missing", "Send {\"checksOff\": [...]}."));
        }
        for (JsonValue value : body.getJsonArray("checksOff")) {
            String id = value instanceof JsonString text ? text.getString() : String.valueOf(value);
            off.add(Check.of(id).orElseThrow(() -> new ProblemException(Problem.badRequest("check_unknown",
                    "Unknown check \"" + id + "\"; known: camera, identity, liveness, head-pose, browser, audio."))));
        }
        JsonValue extra = body.getOrDefault("extraMinutes", JsonValue.NULL);
        if (extra.getValueType() != JsonValue.ValueType.NULL && !(extra instanceof JsonNumber number
                && number.isIntegral())) {
            throw new ProblemException(Problem.badRequest("extra_time_invalid",
                    "extraMinutes must be a whole number of minutes."));
        }
        int extraMinutes = extra instanceof JsonNumber number ? clamp(number) : 0;
        accommodations.change(staff, exam, UserId.of(userId), off, extraMinutes, body.getString("note", null));
        JsonArrayBuilder list = Json.createArrayBuilder();
        off.forEach(check -> list.add(check.id()));
        return Json.createObjectBuilder().add("examId", examId).add("userId", userId).add("checksOff", list)
                .add("extraMinutes", extraMinutes).build();
    }

    /** A huge number stays huge (and is refused in words), rather than wrapping into range. */
    private static int clamp(JsonNumber number) {
        BigInteger value = number.bigIntegerValue();
        return value.bitLength() < 31 ? value.intValue() : value.signum() < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
    }
}
