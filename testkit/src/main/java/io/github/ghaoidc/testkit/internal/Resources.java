package io.github.ghaoidc.testkit.internal;

import io.github.ghaoidc.core.trust.source.PolicySourceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads policy sources as UTF-8 text, with errors that name what was missing. */
public final class Resources {

    private Resources() {
    }

    /** A classpath resource, looked up with the thread's context class loader (then this class's). */
    public static String read(String resource) {
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = Resources.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new PolicySourceException("classpath:" + path + ": no such resource (resources are looked up "
                        + "from the classpath root, e.g. src/test/resources/" + path + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PolicySourceException("classpath:" + path + ": cannot read it (" + e.getMessage() + ")", e);
        }
    }

    /** A file's text. */
    public static String readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new PolicySourceException(file + ": no such file");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PolicySourceException(file + ": cannot read it (" + e.getMessage() + ")", e);
        }
    }
}
