package org.invigil.exam.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.invigil.access.control.ToolSessions;
import org.invigil.access.entity.ToolSession;
import org.invigil.exam.control.Exams;

/**
 * The page a student's launch lands on ({@code /lti/exam/student}), for the exam and the person the session names;
 * the instructor's is review's {@code InstructorPageResource}.
 */
@Path("exam/student")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ExamPagesResource {

    @Inject
    ToolSessions sessions;

    @Inject
    Exams exams;

    @Context
    ServletContext servletContext;

    @GET
    public String student(@QueryParam("session") String token) {
        ToolSession session = sessions.open(token);
        return ExamPages.student(shell(), session, exams.ofSession(session));
    }

    /** The page shell, read from the web application once: a WAR's files do not change while it runs. */
    private String shell() {
        String read = cachedShell;
        if (read == null) {
            read = readShell();
            cachedShell = read;
        }
        return read;
    }

    private static volatile String cachedShell;

    private String readShell() {
        try (InputStream in = servletContext.getResourceAsStream(ExamPages.SHELL)) {
            if (in == null) {
                throw new IllegalStateException("The WAR holds no " + ExamPages.SHELL);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
