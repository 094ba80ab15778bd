package org.invigil.web.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;

/** JSON for programs: {@code /api/...} (administration now; monitoring uploads later). */
@ApplicationPath("api")
public class ApiApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        Set<Class<?>> classes = new HashSet<>(LtiApplication.PROVIDERS);
        classes.addAll(Endpoints.API);
        return classes;
    }
}
