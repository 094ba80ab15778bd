package org.invigil.application.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;
import org.invigil.web.boundary.SharedProviders;

/** What an LMS and the browsers it sends reach: {@code /lti/...} (login, launch, registration, JWKS, pages). */
@ApplicationPath("lti")
public class LtiApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        Set<Class<?>> classes = new HashSet<>(SharedProviders.ALL);
        classes.addAll(Endpoints.LTI);
        return classes;
    }
}
