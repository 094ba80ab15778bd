package org.invigil.web.boundary;

import java.util.List;

/**
 * The resource classes of each application, listed because two JAX-RS applications share this WAR (scanning
 * would give every resource to both).
 */
final class Endpoints {

    static final List<Class<?>> LTI = List.of();

    static final List<Class<?>> API = List.of();

    private Endpoints() {
    }
}
