package org.invigil.web.boundary;

import java.util.List;

/**
 * The JAX-RS providers every application of the tool registers: problem answers instead of stack traces, the
 * security headers, and the bounded JSON readers.
 */
public final class SharedProviders {

    public static final List<Class<?>> ALL = List.of(
            ProblemMapper.class, RefusalMapper.class, HttpErrorMapper.class, JsonErrorMapper.class,
            UnexpectedErrorMapper.class,
            SecurityHeaders.class, BoundedJsonReader.ObjectBodies.class, BoundedJsonReader.ArrayBodies.class,
            BoundedJsonReader.StructureBodies.class, BoundedJsonReader.ValueBodies.class);

    private SharedProviders() {
    }
}
