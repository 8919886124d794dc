package io.github.ghaoidc.testkit.internal;

import io.github.ghaoidc.testkit.GitHubOidcSandbox;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/** Finds and fills the test class's fields of type {@link GitHubOidcSandbox}, refusing misconfigured ones. */
public final class SandboxFields {

    private SandboxFields() {
    }

    /** Fails, naming the field, when a sandbox field is final, or static while sandboxes are per method. */
    public static void check(Class<?> testClass, boolean perClass) {
        for (Field field : fields(testClass)) {
            if (Modifier.isFinal(field.getModifiers())) {
                throw misconfigured(field, "is final; remove 'final' so the extension can inject the sandbox");
            }
            if (Modifier.isStatic(field.getModifiers()) && !perClass) {
                throw misconfigured(field, "is static but the sandbox is per test method; make the field an "
                        + "instance field or use lifecycle PER_CLASS");
            }
        }
    }

    public static void injectStatic(Class<?> testClass, GitHubOidcSandbox sandbox) {
        for (Field field : fields(testClass)) {
            if (Modifier.isStatic(field.getModifiers())) {
                set(field, null, sandbox);
            }
        }
    }

    public static void injectInstance(Object testInstance, GitHubOidcSandbox sandbox) {
        for (Field field : fields(testInstance.getClass())) {
            if (!Modifier.isStatic(field.getModifiers())) {
                set(field, testInstance, sandbox);
            }
        }
    }

    private static List<Field> fields(Class<?> testClass) {
        return ReflectionSupport.findFields(testClass, f -> f.getType() == GitHubOidcSandbox.class,
                HierarchyTraversalMode.TOP_DOWN);
    }

    private static void set(Field field, Object target, GitHubOidcSandbox sandbox) {
        if (Modifier.isFinal(field.getModifiers())) {
            throw misconfigured(field, "is final; remove 'final' so the extension can inject the sandbox");
        }
        Object existing = ReflectionSupport.tryToReadFieldValue(field, target).toOptional().orElse(null);
        if (existing instanceof GitHubOidcSandbox other && other != sandbox && other.isRunning()) {
            throw misconfigured(field, "already holds a sandbox the test created itself; leave the field "
                    + "unassigned, the extension injects one (and closes it)");
        }
        try {
            field.setAccessible(true);
            field.set(target, sandbox);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExtensionConfigurationException("cannot inject the sandbox into field " + name(field) + ": "
                    + e.getMessage(), e);
        }
    }

    private static ExtensionConfigurationException misconfigured(Field field, String problem) {
        return new ExtensionConfigurationException("Field " + name(field) + " " + problem);
    }

    private static String name(Field field) {
        return field.getDeclaringClass().getName() + "." + field.getName();
    }
}
