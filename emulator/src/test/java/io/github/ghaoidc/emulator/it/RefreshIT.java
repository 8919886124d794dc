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
    void sixtyFourThreadsAcrossExpiriesCauseOneStsCallPerRefreshAndNeverSeeStaleCredentials() throws Exception {
        var recorder = new RecordingInterceptor();
        Job job = local.github.createJob(WorkflowContext.push(GitHubAndAws.REPO, "main"));
        job.setFault(Fault.latency(Duration.ofMillis(150))); // a slower token endpoint widens the race window
        Duration staleAfter = Duration.ofMillis(1500);       // > 1 s: STS expirations are whole seconds
        Duration staleTime = LIFETIME.minus(staleAfter);
        Set<String> keys = ConcurrentHashMap.newKeySet();
        AtomicInteger stale = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try (var sts = recordingSts(recorder);
             var provider = shortLived(job, sts, staleAfter, staleAfter).build()) {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(4000);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 64; t++) {
                workers.add(pool.submit(() -> {
                    go.await();
                    while (System.nanoTime() < end) {
                        long asked = System.currentTimeMillis();
                        var c = (AwsSessionCredentials) provider.resolveCredentials();
                        calls.incrementAndGet();
                        // stale already when we asked: exact, whatever the scheduler does after the provider's check
                        if (asked >= c.expirationTime().orElseThrow().minus(staleTime).toEpochMilli()) {
                            stale.incrementAndGet();
                        }
                        keys.add(c.accessKeyId());
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> worker : workers) {
                worker.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(calls.get()).isGreaterThan(1000);
        assertThat(keys.size()).as("crossed at least two expiries in 4 s").isGreaterThanOrEqualTo(3);
        List<RecordingInterceptor.Call> sts = recorder.inOrder();
        assertThat(sts).hasSize(keys.size());
        assertThat(recorder.acceptedJtis()).doesNotHaveDuplicates();
        for (int i = 1; i < sts.size(); i++) {
            Instant previousStaleAt = sts.get(i - 1).expiration().minus(staleTime);
            assertThat(sts.get(i).started()).as("STS call %d started only once call %d's credentials were stale", i, i - 1)
                    .isAfterOrEqualTo(previousStaleAt.minusMillis(5));
        }
        assertThat(stale).as("credentials that were already stale when asked for").hasValue(0);
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
    }

    @Test
    void closingAProviderThatCreatedItsStsClientLeavesNoThreadBehind() throws Exception {
        Set<Thread> before = liveThreads();
        var provider = local.provider(local.github.defaultJob()).asyncCredentialUpdateEnabled(true).build();
        provider.resolveCredentials();
        provider.close();
        assertThat(newThreads(before, Duration.ofSeconds(5))).isEmpty();
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
