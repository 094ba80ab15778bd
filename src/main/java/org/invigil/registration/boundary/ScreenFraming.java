package org.invigil.registration.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.invigil.registration.control.Platforms;

/**
 * The review screens and the student's report (Jakarta Faces, {@code /review/*} and {@code /report/*}) decide, pause
 * and end attempts: only the registered platforms' own pages may frame them (clickjacking), no plug-in content runs,
 * no {@code <base>} redirects their links and their forms post only to Invigil. PrimeFaces adds the script policy
 * ({@code script-src 'self' 'nonce-…'}) in a header of its own; a browser enforces both.
 */
public class ScreenFraming extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = Logger.getLogger(ScreenFraming.class.getName());

    @Inject
    transient Platforms platforms;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.addHeader("Content-Security-Policy", policy(ancestors()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        chain.doFilter(request, response);
    }

    private Set<String> ancestors() {
        try {
            return platforms.frameAncestors();
        } catch (RuntimeException unreadable) {
            // the database is not there (yet): framed by nobody but Invigil rather than by anybody
            LOG.log(Level.WARNING, "Could not read the platforms' origins; the screens may be framed by Invigil only",
                    unreadable);
            return Set.of();
        }
    }

    /** The policy for screens that the given origins (and Invigil itself) may frame. */
    static String policy(Set<String> ancestors) {
        StringBuilder frameAncestors = new StringBuilder("frame-ancestors 'self'");
        ancestors.forEach(origin -> frameAncestors.append(' ').append(origin));
        return frameAncestors + "; object-src 'none'; base-uri 'self'; form-action 'self'";
    }
}
