package io.github.ghaoidc.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.github.ghaoidc.core.GitHubOidcCredentialsProvider;
import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.issuer.Fault;
import io.github.ghaoidc.emulator.issuer.Job;
import io.github.ghaoidc.emulator.support.SettableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Refresh against the emulator. STS sessions last at least 900 s, so the tests move the provider's stale and
 * prefetch times to within a second or two of the session's start: "expiry" (the stale time) comes quickly
 * while the credentials stay genuinely valid at STS.
 */
class RefreshIT {

    static final Duration LIFETIME = Duration.ofSeconds(900);

    static GitHubAndAws local;

    @BeforeAll
    static void start() {
        local = GitHubAndAws.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    /** A borrowed STS client that records the jti of every token STS accepted. */
    static StsClient recordingSts(RecordingInterceptor recorder) {
        return StsClient.builder().region(Region.US_EAST_2).endpointOverride(local.stsEndpoint())
                .overrideConfiguration(c -> c.addExecutionInterceptor(recorder).retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    GitHubOidcCredentialsProvider.Builder shortLived(Job job, StsClient sts, Duration staleAfter, Duration prefetchAfter) {
        var env = local.jobEnvironment(job, local.roleArn);
        env.remove("AWS_REGION");
        env.remove("AWS_ENDPOINT_URL_STS");
        return GitHubOidcCredentialsProvider.builder()
                .environment(io.github.ghaoidc.core.EnvironmentSource.of(env))
                .stsClient(sts)
                .sessionDuration(LIFETIME)
                .staleTime(LIFETIME.minus(staleAfter))
                .prefetchTime(LIFETIME.minus(prefetchAfter));
    }

    @Test
    void shortLivedCredentialsRefreshBeforeExpiryEachWithANewIdToken() throws InterruptedException {
        var recorder = new RecordingInterceptor();
        Job job = local.github.createJob(WorkflowContext.push(GitHubAndAws.REPO, "main"));
        List<AwsSessionCredentials> seen = new ArrayList<>();
        try (var sts = recordingSts(recorder);
             var provider = shortLived(job, sts, Duration.ofMillis(1500), Duration.ofMillis(1000)).build()) {
            for (int i = 0; i < 3; i++) {
                var credentials = (AwsSessionCredentials) provider.resolveCredentials();
                assertThat(credentials.expirationTime().orElseThrow()).isAfter(Instant.now());
                seen.add(credentials);
                Thread.sleep(1600);
            }
        }
        assertThat(seen).extracting(AwsCredentials::accessKeyId).doesNotHaveDuplicates();
        assertThat(recorder.acceptedJtis()).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void sixtyFourThreadsAcrossTwoExpiriesCauseOneStsCallPerRefreshAndNeverSeeStaleCredentials() throws Exception {
        // the emulator, its STS and the provider share one clock that the test moves: expiry is an event, not a bet
        SettableClock clock = new SettableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        Duration staleTime = Duration.ofMinutes(1);
        var recorder = new RecordingInterceptor();
        Set<String> keys = ConcurrentHashMap.newKeySet();
        AtomicInteger stale = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try (GitHubAndAws timed = GitHubAndAws.start(clock);
             var sts = StsClient.builder().region(Region.US_EAST_2).endpointOverride(timed.stsEndpoint())
                     .overrideConfiguration(c -> c.addExecutionInterceptor(recorder)
                             .retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
            Job job = timed.github.createJob(WorkflowContext.push(GitHubAndAws.REPO, "main"));
            job.setFault(Fault.latency(Duration.ofMillis(150))); // a slower token endpoint widens the race window
            var env = timed.jobEnvironment(job, timed.roleArn);
            env.remove("AWS_REGION");
            env.remove("AWS_ENDPOINT_URL_STS");
            try (var provider = GitHubOidcCredentialsProvider.builder()
                    .environment(io.github.ghaoidc.core.EnvironmentSource.of(env)).stsClient(sts).clock(clock)
                    .sessionDuration(LIFETIME).staleTime(staleTime).prefetchTime(staleTime).build()) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < 64; t++) {
                    workers.add(pool.submit(() -> {
                        go.await();
                        while (!stop.get()) {
                            Instant asked = clock.instant();
                            var c = (AwsSessionCredentials) provider.resolveCredentials();
                            calls.incrementAndGet();
                            // stale already when asked: exact, whatever the scheduler does after the provider's check
                            if (!asked.isBefore(c.expirationTime().orElseThrow().minus(staleTime))) {
                                stale.incrementAndGet();
                            }
                            keys.add(c.accessKeyId());
                        }
                        return null;
                    }));
                }
                go.countDown();
                awaitCalls(calls, 500);
                for (int expiry = 1; expiry <= 2; expiry++) {
                    Instant staleAt = recorder.inOrder().get(recorder.inOrder().size() - 1).expiration().minus(staleTime);
                    clock.advance(Duration.between(clock.instant(), staleAt).plusSeconds(1));
                    awaitKeys(keys, expiry + 1);
                    awaitCalls(calls, calls.get() + 500);
                }
                stop.set(true);
                for (Future<?> worker : workers) {
                    worker.get(30, TimeUnit.SECONDS);
                }
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        assertThat(keys).as("one set of credentials before and after each of two expiries").hasSize(3);
        assertThat(recorder.inOrder()).as("one STS call per refresh").hasSize(3);
        assertThat(recorder.acceptedJtis()).hasSize(3).doesNotHaveDuplicates();
        assertThat(stale).as("credentials that were already stale when asked for").hasValue(0);
    }

    private static void awaitCalls(AtomicInteger calls, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (calls.get() < atLeast) {
            assertThat(System.nanoTime()).as("%d resolveCredentials calls within 60 s", atLeast).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static void awaitKeys(Set<String> keys, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (keys.size() < count) {
            assertThat(System.nanoTime()).as("credentials number %d within 60 s", count).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void asyncRefreshWorksInTheBackgroundAndCloseLeavesNoThreadBehind() throws Exception {
        Set<Thread> before = liveThreads();
        var recorder = new RecordingInterceptor();
        Job job = local.github.createJob(WorkflowContext.push(GitHubAndAws.REPO, "main"));
        try (var sts = recordingSts(recorder)) {
            var provider = shortLived(job, sts, Duration.ofMillis(2500), Duration.ofMillis(1200))
                    .asyncCredentialUpdateEnabled(true).build();
            AwsCredentials first = provider.resolveCredentials();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (provider.resolveCredentials() == first && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(provider.resolveCredentials()).as("replaced by the background thread").isNotSameAs(first);
            assertThat(recorder.acceptedJtis()).hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
            provider.close();
        }
        assertThat(newThreads(before, Duration.ofSeconds(5))).isEmpty();
        assertThat(providerThreads()).isEmpty();
    }

    @Test
    void closingAProviderThatCreatedItsStsClientLeavesNoThreadBehind() throws Exception {
        Set<Thread> before = liveThreads();
        var provider = local.provider(local.github.defaultJob()).asyncCredentialUpdateEnabled(true).build();
        provider.resolveCredentials();
        provider.close();
        assertThat(newThreads(before, Duration.ofSeconds(5))).isEmpty();
        assertThat(providerThreads()).isEmpty();
    }

    /**
     * Live threads that belong to a provider or its SDK clients, whatever their names: running code of the AWS SDK
     * or of gha-oidc-core, or named as the SDK and the provider name theirs. Unlike {@link #newThreads}, this needs
     * no list of names to leave out.
     */
    static List<String> providerThreads() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().isAlive())
                .filter(e -> e.getKey().getName().startsWith("sdk-") || e.getKey().getName().contains("gha-oidc")
                        || java.util.Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().startsWith("software.amazon.awssdk")
                                || f.getClassName().startsWith("io.github.ghaoidc.core")))
                .filter(e -> e.getKey() != Thread.currentThread())
                .map(e -> e.getKey().getName()).sorted().toList();
    }

    static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    /** Threads started since {@code before} that are still alive after waiting up to {@code grace}. */
    static List<String> newThreads(Set<Thread> before, Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        List<String> remaining;
        do {
            remaining = liveThreads().stream().filter(t -> !before.contains(t))
                    .filter(t -> !t.getName().startsWith("XNIO-")) // the emulator's own server threads
                    // the JDK's shared HTTP keep-alive cache: one JVM-wide daemon that ends by itself ~5 s after
                    // its last idle connection expires; not started, owned or stoppable by the provider
                    .filter(t -> !t.getName().equals("Keep-Alive-Timer"))
                    .map(Thread::getName).sorted().toList();
            if (remaining.isEmpty()) {
                return remaining;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return remaining;
    }
}
