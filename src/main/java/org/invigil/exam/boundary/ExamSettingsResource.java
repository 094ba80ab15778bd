package org.invigil.exam.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.invigil.access.control.BearerToken;
import org.invigil.access.control.StaffAccess;
import org.invigil.access.control.ToolSessions;
import org.invigil.access.entity.ToolSession;
import org.invigil.exam.control.ExamUnknown;
import org.invigil.exam.control.Exams;
import org.invigil.exam.control.SettingsInvalid;
import org.invigil.exam.entity.ExamSettings;
import org.invigil.ids.entity.ExamId;
import org.invigil.json.control.BoundedJson;

/**
 * An exam's settings for its staff: {@code GET|PUT /api/exams/{exam}/settings} (the JSON of {@link ExamSettings};
 * members left out take their defaults).
 */
@Path("exams/{examId}")
@Produces(MediaType.APPLICATION_JSON)
public class ExamSettingsResource {

    @Inject
    ToolSessions sessions;

    @Inject
    Exams exams;

    @GET
    @Path("settings")
    public String settings(@HeaderParam("Authorization") String authorization, @PathParam("examId") String examId) {
        ToolSession staff = sessions.open(BearerToken.from(authorization));
        ExamId exam = ExamId.of(examId);
        StaffAccess.forExam(staff, exam);
        return exams.summary(exam).orElseThrow(() -> new ExamUnknown(exam)).settings().toJson();
    }

    @PUT
    @Path("settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public String configure(@HeaderParam("Authorization") String authorization, @PathParam("examId") String examId,
                            String body) {
        ToolSession staff = sessions.open(BearerToken.from(authorization));
        ExamId exam = ExamId.of(examId);
        StaffAccess.forExam(staff, exam);
        ExamSettings settings;
        try {
            settings = ExamSettings.fromJson(BoundedJson.object(body).toString());
        } catch (IllegalArgumentException e) {
            throw new SettingsInvalid(e);
        } catch (ClassCastException e) {
            throw new SettingsInvalid(new IllegalArgumentException("Send the settings as the JSON object GET gives."));
        }
        return exams.configure(staff, exam, settings).toJson();
    }
}
