package io.github.ghaoidc.emulator.cli;

/** How a command prints its result. */
enum OutputFormat {
    /** Readable text. */
    text,
    /** One JSON document. */
    json
}
