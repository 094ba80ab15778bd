package org.invigil.identity.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.invigil.access.control.BearerToken;
import org.invigil.access.control.StaffAccess;
import org.invigil.access.control.ToolSessions;
import org.invigil.access.entity.ToolSession;
import org.invigil.identity.control.BulkReferences;
import org.invigil.identity.control.BulkReport;
import org.invigil.ids.entity.ExamId;

/**
 * Reference photos in bulk for an exam's staff: {@code POST /api/exams/{exam}/references.zip}, a zip archive of
 * JPEG photos named by LMS user id, email or username, answered with the report of every file; an archive over
 * {@code invigil.photos.bulk-max-bytes} is answered 413 before it is read when its {@code Content-Length} says so,
 * else as soon as the cap is passed.
 */
@Path("exams/{examId}/references.zip")
@Produces(MediaType.APPLICATION_JSON)
public class BulkReferencesResource {

    @Inject
    ToolSessions sessions;

    @Inject
    BulkReferences bulk;

    @POST
    @Consumes({"application/zip", "application/x-zip-compressed", MediaType.APPLICATION_OCTET_STREAM})
    public JsonObject referencesZip(@HeaderParam("Authorization") String authorization,
                                    @HeaderParam("Content-Length") String contentLength,
                                    @PathParam("examId") String examId, InputStream zip) {
        ToolSession staff = sessions.open(BearerToken.from(authorization));
        ExamId exam = ExamId.of(examId);
        StaffAccess.forExam(staff, exam);
        BulkReport report = bulk.upload(staff, exam, zip, declaredLength(contentLength));
        JsonArrayBuilder lines = Json.createArrayBuilder();
        report.lines().forEach(line -> lines.add(Json.createObjectBuilder().add("file", line.file())
                .add("outcome", line.outcome().id()).add("userId", line.userId()).add("student", line.student())
                .add("detail", line.detail())));
        return Json.createObjectBuilder().add("summary", report.summary()).add("lines", lines).build();
    }

    /** The body's declared length; -1 when chunked or unreadable (the cap then holds while reading). */
    private static long declaredLength(String contentLength) {
        try {
            return contentLength == null ? -1 : Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
