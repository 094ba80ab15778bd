package org.invigil.persistence.control;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A transactional method that is run again, from the start, when its transaction lost an optimistic-lock race (two
 * requests changed the same attempt at once: an upload and an instructor's pause, two monitors of one student). Only
 * where the method starts the transaction itself; inside a caller's transaction the caller decides.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RetryOnConflict {
}
