package io.github.ghaoidc.emulator.config.internal;

import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import io.github.ghaoidc.emulator.config.ConfigException;
import io.github.ghaoidc.emulator.config.EmulatorConfig;
import io.github.ghaoidc.emulator.config.WorkflowContextJson;
import io.github.ghaoidc.emulator.issuer.IssuerMode;
import io.github.ghaoidc.emulator.issuer.internal.JobRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Validates an {@link EmulatorConfig} and applies it to an emulator builder and, after start, its jobs. Not API. */
public final class ConfigApplier {

    private static final long MAX_JOB_SECONDS = JobRegistry.MAX_JOB_LIFETIME.toSeconds();

    private final EmulatorConfig config;
    private final Path baseDir;

    /** {@code baseDir} resolves relative file names (the config file's directory); {@code null} = working dir. */
    public ConfigApplier(EmulatorConfig config, Path baseDir) {
        this.config = config;
        this.baseDir = baseDir;
    }

    /** Checks every value without side effects. @throws ConfigException naming the field */
    public void validate() {
        applyTo(GitHubOidcEmulator.builder());
        jobContexts();
    }

    /** Applies server, issuer, tokens, keys and defaultJob settings. @throws ConfigException naming the field */
    public GitHubOidcEmulator.Builder applyTo(GitHubOidcEmulator.Builder b) {
        if (config.server() != null) {
            if (config.server().host() != null) {
                if (config.server().host().isBlank()) {
                    throw new ConfigException("server.host must be an interface address like 127.0.0.1");
                }
                b.host(config.server().host());
            }
            if (config.server().port() != null) {
                int port = config.server().port();
                if (port < 0 || port > 65535) {
                    throw new ConfigException("server.port must be 0 (any free port) to 65535, got: " + port);
                }
                b.port(port);
            }
        }
        if (config.issuer() != null) {
            b.issuerMode(issuerMode(config.issuer()));
        }
        if (config.tokens() != null) {
            Long life = config.tokens().lifetimeSeconds();
            if (life != null) {
                b.tokenLifetime(Duration.ofSeconds(range(life, 1, 86_400, "tokens.lifetimeSeconds")));
            }
            Long jobLife = config.tokens().jobLifetimeSeconds();
            if (jobLife != null) {
                b.jobLifetime(Duration.ofSeconds(range(jobLife, 1, MAX_JOB_SECONDS, "tokens.jobLifetimeSeconds")));
            }
            Long skew = config.tokens().notBeforeSkewSeconds();
            if (skew != null) {
                b.notBeforeSkew(Duration.ofSeconds(range(skew, 0, 86_400, "tokens.notBeforeSkewSeconds")));
            }
        }
        if (config.keys() != null) {
            if (config.keys().count() != null) {
                b.keyCount((int) range(config.keys().count(), 1, 16, "keys.count"));
            }
            if (config.keys().file() != null) {
                if (config.keys().file().isBlank()) {
                    throw new ConfigException("keys.file must be a file path");
                }
                Path file = Path.of(config.keys().file());
                b.keysFile(baseDir == null || file.isAbsolute() ? file : baseDir.resolve(file));
            }
            b.activeKid(config.keys().activeKid());
        }
        if (config.defaultJob() != null) {
            b.defaultContext(config.defaultJob().toContext("defaultJob"));
        }
        new AwsConfigApplier(config, baseDir).applyTo(b);
        return b;
    }

    /** The default job's context: the {@code defaultJob} section, or {@link WorkflowContext#defaults()}. */
    public WorkflowContext defaultContext() {
        return config.defaultJob() == null ? WorkflowContext.defaults() : config.defaultJob().toContext("defaultJob");
    }

    /** Creates the configured jobs on a started emulator. */
    public void createJobs(GitHubOidcEmulator emulator) {
        jobContexts().forEach((id, job) -> emulator.createJob(id, job.context(), job.lifetime()));
    }

    /** A configured job: its context and request-token lifetime ({@code null}: the default). */
    private record PlannedJob(WorkflowContext context, Duration lifetime) {
    }

    private Map<String, PlannedJob> jobContexts() {
        Map<String, PlannedJob> out = new LinkedHashMap<>();
        List<EmulatorConfig.JobJson> jobs = config.jobs() == null ? List.of() : config.jobs();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < jobs.size(); i++) {
            EmulatorConfig.JobJson job = jobs.get(i);
            String where = "jobs[" + i + "]";
            if (job == null || job.id() == null || !job.id().matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
                throw new ConfigException(where + ".id must be 1-64 letters, digits, '_', '.', '-'");
            }
            if (job.id().equals(JobRegistry.DEFAULT_JOB_ID)) {
                throw new ConfigException(where + ".id 'default' is reserved; configure it with the defaultJob section");
            }
            if (!seen.add(job.id())) {
                throw new ConfigException(where + ".id '" + job.id() + "' is used twice");
            }
            WorkflowContextJson ctx = job.context();
            Duration lifetime = job.lifetimeSeconds() == null ? null
                    : Duration.ofSeconds(range(job.lifetimeSeconds(), 1, MAX_JOB_SECONDS, where + ".lifetimeSeconds"));
            out.put(job.id(), new PlannedJob(ctx == null ? WorkflowContext.defaults() : ctx.toContext(where + ".context"),
                    lifetime));
        }
        return out;
    }

    public static IssuerMode issuerMode(EmulatorConfig.Issuer issuer) {
        IssuerMode.JwksLayout layout = null;
        if (issuer.jwksLayout() != null) {
            layout = switch (issuer.jwksLayout().toLowerCase(Locale.ROOT)) {
                case "root" -> IssuerMode.JwksLayout.ROOT;
                case "per-slug", "per_slug" -> IssuerMode.JwksLayout.PER_SLUG;
                default -> throw new ConfigException("issuer.jwksLayout must be root or per-slug, got: '"
                        + issuer.jwksLayout() + "'");
            };
        }
        if (issuer.url() == null) {
            throw new ConfigException("issuer.url is required in the issuer section: self, github, or an issuer URL");
        }
        try {
            return IssuerMode.parse(issuer.url(), layout);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("issuer.url: " + e.getMessage(), e);
        }
    }

    private static long range(long value, long min, long max, String field) {
        if (value < min || value > max) {
            throw new ConfigException(field + " must be between " + min + " and " + max + ", got: " + value);
        }
        return value;
    }
}
