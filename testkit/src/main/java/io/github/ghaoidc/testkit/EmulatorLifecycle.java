package io.github.ghaoidc.testkit;

/** How long one sandbox (emulator + emulated AWS account) lives under the JUnit extension. */
public enum EmulatorLifecycle {
    /** One sandbox for all tests of a class (and its {@code @Nested} classes), closed after them. The default. */
    PER_CLASS,
    /** A fresh sandbox for every test method, closed after it: no state leaks between tests, ~100 ms more each. */
    PER_METHOD
}
