package io.github.ghaoidc.core.trust.source;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every role trust policy found under some paths ({@link PolicyTreeReader}), and the files that looked like they
 * held one but could not be read. Immutable and thread-safe.
 *
 * @param policies the policies, in the order found (directories sorted by name)
 * @param problems the files refused, each with its one-line message
 * @param filesScanned how many files were looked at
 */
public record PolicyTree(List<SourcedPolicy> policies, List<Problem> problems, int filesScanned) {

    public PolicyTree {
        policies = List.copyOf(policies);
        problems = List.copyOf(problems);
    }

    /**
     * A file that could not be read as what it looked like.
     *
     * @param file the file (or module directory) as named in the scan
     * @param message the refusal, which starts with the file and, when known, the line
     */
    public record Problem(String file, String message) {

        public Problem {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(message, "message");
        }

        /** The file and line the message starts with ({@code main.tf:14: …}), or empty when it names no line. */
        public Optional<SourceLocation> location() {
            return SourceLocation.leading(message);
        }
    }
}
