package dev.mergesdk.core.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation that needs no credential (the spec gives it {@code security: []}, such as an agent's signup).
 * Such a call is sent without the client's API key or account token, and can be made on a client built without an
 * API key. The generator writes it on every such operation; it is not meant for hand-written code.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NoAuth {
}
