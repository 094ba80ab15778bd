package org.invigil.web.boundary;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;
import org.invigil.refusal.entity.Refusal;
import org.invigil.web.control.Problem;

/**
 * How the screens' picture servlets answer: the JPEG, never cached; or the status and plain sentence of a refusal;
 * or 404 when there is no such picture. No stack trace ever reaches the page.
 */
public final class PictureResponses {

    private PictureResponses() {
    }

    public static void write(HttpServletResponse response, Supplier<Optional<byte[]>> picture, String missing,
                             String notSignedIn) throws IOException {
        try {
            Optional<byte[]> jpeg = picture.get();
            if (jpeg.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, missing);
                return;
            }
            response.setContentType("image/jpeg");
            response.setHeader("Cache-Control", "no-store");
            response.setContentLength(jpeg.get().length);
            response.getOutputStream().write(jpeg.get());
        } catch (Refusal e) {
            Problem problem = RefusalMapper.problem(e);
            response.sendError(problem.status(), problem.detail());
        } catch (RuntimeException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, notSignedIn);
        }
    }
}
