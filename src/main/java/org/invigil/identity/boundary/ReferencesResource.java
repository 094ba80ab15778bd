package org.invigil.identity.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import org.invigil.access.control.BearerToken;
import org.invigil.access.control.StaffAccess;
import org.invigil.access.control.ToolSessions;
import org.invigil.access.entity.ToolSession;
import org.invigil.identity.control.PictureRefused;
import org.invigil.identity.control.References;
import org.invigil.identity.entity.ReferencePhoto;
import org.invigil.ids.entity.ExamId;
import org.invigil.ids.entity.UserId;

/** An instructor uploads a student's reference photo: {@code PUT /api/exams/{exam}/references/{user}} (image/jpeg). */
@Path("exams/{examId}/references/{userId}")
@Produces(MediaType.APPLICATION_JSON)
public class ReferencesResource {

    static final int MAX_BYTES = 4 * 1024 * 1024;

    @Inject
    ToolSessions sessions;

    @Inject
    References references;

    @PUT
    @Consumes(MediaType.WILDCARD)
    public JsonObject upload(@HeaderParam("Authorization") String authorization,
                             @HeaderParam("Content-Type") String type, @PathParam("examId") String examId,
                             @PathParam("userId") String userId, InputStream body) throws IOException {
        ToolSession staff = sessions.open(BearerToken.from(authorization));
        ExamId exam = ExamId.of(examId);
        StaffAccess.forExam(staff, exam);
        if (type == null || !type.toLowerCase().startsWith("image/jpeg")) {
            throw PictureRefused.notJpegType(type);
        }
        byte[] jpeg = body.readNBytes(MAX_BYTES + 1);
        if (jpeg.length > MAX_BYTES) {
            throw PictureRefused.tooLarge(jpeg.length, MAX_BYTES);
        }
        ReferencePhoto photo = references.upload(staff, exam, UserId.of(userId), jpeg);
        return Json.createObjectBuilder().add("id", photo.id()).add("userId", userId)
                .add("source", photo.source().name().toLowerCase()).add("uploadedBy", staff.userId()).build();
    }
}
