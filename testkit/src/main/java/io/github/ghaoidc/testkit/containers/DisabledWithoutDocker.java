package io.github.ghaoidc.testkit.containers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Skips the annotated test class or method where no Docker engine can be reached, and says why on the console
 * (a line on standard output, besides JUnit's report), so that a skipped LocalStack or Floci test never passes
 * silently. Put it before {@code @Testcontainers} (without {@code disabledWithoutDocker}): JUnit stops at the first
 * condition that disables a test, so Testcontainers does not then look for Docker and log an {@code ERROR} that
 * reads like a failure.
 *
 * <pre>{@code
 * @DisabledWithoutDocker
 * @Testcontainers
 * class UploadIT { … }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DockerCondition.class)
public @interface DisabledWithoutDocker {
}
