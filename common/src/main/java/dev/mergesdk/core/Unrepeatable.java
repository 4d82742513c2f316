package dev.mergesdk.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation that must not be sent twice once it may have reached the server, whatever its HTTP method
 * (an upload to a one-shot reservation: a second PUT after the first was stored answers 409). Such a call is
 * retried only after failures that happened before any byte of it was sent. The generator writes it on every
 * operation the spec marks {@code x-merge-unrepeatable: true}; it is not meant for hand-written code.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Unrepeatable {
}
