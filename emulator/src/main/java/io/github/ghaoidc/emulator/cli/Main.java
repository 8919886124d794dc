package io.github.ghaoidc.emulator.cli;

/** Entry point of the standalone {@code gha-oidc.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        quietLogging();
        ServeWarmUp.startFor(args);
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code; used by tests so they need not fork a JVM. */
    public static int run(String... args) {
        return GhaOidcCommand.commandLine(args).execute(args);
    }

    /**
     * The CLI prints what the user needs itself; libraries log only warnings (routed through SLF4J, whose
     * simple backend ships in the jar). A user can still ask for more with -Dorg.slf4j.simpleLogger.defaultLogLevel.
     */
    private static void quietLogging() {
        setIfAbsent("org.jboss.logging.provider", "slf4j");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
