package org.invigil.application.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;
import org.invigil.web.boundary.SharedProviders;

/** JSON for programs: {@code /api/...} (administration, the proctoring uploads, reviews, reports). */
@ApplicationPath("api")
public class ApiApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        Set<Class<?>> classes = new HashSet<>(SharedProviders.ALL);
        classes.addAll(Endpoints.API);
        return classes;
    }
}
