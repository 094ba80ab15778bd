package org.invigil.web.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.invigil.json.control.BoundedJson;
import org.invigil.json.control.JsonRefused;
import org.invigil.refusal.entity.Refusal;
import org.invigil.web.control.ProblemException;

/**
 * Every JSON request body, read by {@link BoundedJson} instead of the bundled JSON-P reader: within its limits, and of
 * the type the method takes ("The body must be a JSON object, not an array."); refusals are 400 or 413 with
 * {@code application/problem+json}. No body at all is {@code null}, which each method answers in its own words.
 * One reader per JSON-P type, so each is an exact type match and wins over the bundled reader of {@link JsonValue}.
 */
@Consumes({MediaType.APPLICATION_JSON, "text/json", MediaType.WILDCARD})
public abstract class BoundedJsonReader<T extends JsonValue> implements MessageBodyReader<T> {

    static final long MAX_DRAINED = 64L * 1024 * 1024;

    private final Class<T> type;

    BoundedJsonReader(Class<T> type) {
        this.type = type;
    }

    @Override
    public boolean isReadable(Class<?> asked, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return asked == type;
    }

    @Override
    public T readFrom(Class<T> asked, Type genericType, Annotation[] annotations, MediaType mediaType,
                      MultivaluedMap<String, String> httpHeaders, InputStream entityStream) {
        try {
            return BoundedJson.read(entityStream).map(value -> BoundedJson.as(value, type, "The body")).orElse(null);
        } catch (JsonRefused refused) {
            if (refused.refusal().kind() == Refusal.Kind.TOO_LARGE) {
                drain(entityStream);
            }
            throw new ProblemException(RefusalMapper.problem(refused.refusal()), refused);
        }
    }

    /** Reads on (up to a bound) so that the client, still sending, gets the answer rather than a reset connection. */
    private static void drain(InputStream body) {
        byte[] skip = new byte[64 * 1024];
        long total = 0;
        try {
            for (int read; total < MAX_DRAINED && (read = body.read(skip)) > 0; ) {
                total += read;
            }
        } catch (IOException gone) {
            // the client stopped sending: nothing left to drain
        }
    }

    /** Bodies of methods that take a {@link JsonObject}. */
    @Provider
    public static class ObjectBodies extends BoundedJsonReader<JsonObject> {
        public ObjectBodies() {
            super(JsonObject.class);
        }
    }

    /** Bodies of methods that take a {@link JsonArray}. */
    @Provider
    public static class ArrayBodies extends BoundedJsonReader<JsonArray> {
        public ArrayBodies() {
            super(JsonArray.class);
        }
    }

    /** Bodies of methods that take a {@link JsonStructure}. */
    @Provider
    public static class StructureBodies extends BoundedJsonReader<JsonStructure> {
        public StructureBodies() {
            super(JsonStructure.class);
        }
    }

    /** Bodies of methods that take any {@link JsonValue}. */
    @Provider
    public static class ValueBodies extends BoundedJsonReader<JsonValue> {
        public ValueBodies() {
            super(JsonValue.class);
        }
    }
}
