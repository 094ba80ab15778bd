package org.invigil.web.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What an LMS and the browsers it sends reach: {@code /lti/...} (login, launch, registration, JWKS, pages). */
@ApplicationPath("lti")
public class LtiApplication extends Application {

    static final List<Class<?>> PROVIDERS = List.of(
            ProblemMapper.class, RefusalMapper.class, HttpErrorMapper.class, JsonErrorMapper.class, UnexpectedErrorMapper.class,
            SecurityHeaders.class, BoundedJsonReader.ObjectBodies.class, BoundedJsonReader.ArrayBodies.class,
            BoundedJsonReader.StructureBodies.class, BoundedJsonReader.ValueBodies.class);

    @Override
    public Set<Class<?>> getClasses() {
        Set<Class<?>> classes = new HashSet<>(PROVIDERS);
        classes.addAll(Endpoints.LTI);
        return classes;
    }
}
