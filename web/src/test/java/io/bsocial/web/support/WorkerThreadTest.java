package io.bsocial.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** Web's background threads survive whatever ends their loop, and health sees each death. */
class WorkerThreadTest {

    private final java.util.List<WorkerThread> started = new java.util.ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(WorkerThread::stop);
    }

    /** Counts its rounds; its first {@code deaths} rounds end its loop with an Error. */
    static class Counting extends WorkerThread {

        final AtomicInteger rounds = new AtomicInteger();
        private final AtomicInteger deaths;

        Counting(String name, int deaths) {
            super(name);
            this.deaths = new AtomicInteger(deaths);
        }

        @Override
        protected void work() {
            while (isRunning()) {
                try {
                    awaitWork(Duration.ofMillis(50));
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    return;
                }
                rounds.incrementAndGet();
                if (deaths.getAndDecrement() > 0) {
                    throw new StackOverflowError("round " + rounds.get() + " went too deep");
                }
            }
        }
    }

    private <T extends WorkerThread> T start(T worker) {
        started.add(worker);
        worker.start();
        return worker;
    }

    @Test
    void aLoopEndedByAnErrorRunsAgainAndTheDeathIsKept() {
        Counting worker = start(new Counting("dies-once", 1));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> worker.rounds.get() >= 3);

        WorkerThread.State state = worker.state();
        assertThat(state.alive()).isTrue();
        assertThat(state.restarts()).isEqualTo(1);
        assertThat(state.lastDeath()).isEqualTo("java.lang.StackOverflowError: round 1 went too deep");
        assertThat(state.lastDeathAt()).isNotNull();
    }

    @Test
    void aLoopThatReturnsWhileTheApplicationRunsRunsAgain() {
        AtomicInteger loops = new AtomicInteger();
        WorkerThread worker = start(new WorkerThread("returns") {
            @Override
            protected void work() {
                loops.incrementAndGet();
            }
        });

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> loops.get() >= 2);

        assertThat(worker.state().lastDeath()).isEqualTo("its loop returned while the application runs");
        assertThat(worker.state().restarts()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void stoppingEndsTheThreadForGoodWithNoDeath() {
        Counting worker = start(new Counting("stops", 0));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> worker.rounds.get() >= 1);

        worker.stop();

        assertThat(worker.state().alive()).isFalse();
        assertThat(worker.state().running()).isFalse();
        assertThat(worker.state().restarts()).isZero();
        assertThat(worker.state().lastDeath()).isNull();
    }

    @Test
    void healthIsDegradedAfterADeathUpWhenAllIsWellAndDownWhenAWorkerHasNoThread() {
        Counting healthy = start(new Counting("healthy", 0));
        Counting dying = start(new Counting("dying", 1));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> dying.state().restarts() == 1);

        assertThat(health(List.of(healthy)).getStatus()).isEqualTo(Status.UP);
        Health degraded = health(List.of(healthy, dying));
        assertThat(degraded.getStatus()).isEqualTo(WorkersHealth.DEGRADED);
        assertThat(degraded.getDetails().get("dying").toString()).contains("restarts=1").contains("StackOverflowError");
        Clock later = Clock.offset(Clock.systemUTC(), WorkersHealth.RECENT.plusMinutes(1));
        assertThat(new WorkersHealth(List.of(healthy, dying), later).health(true).getStatus()).isEqualTo(Status.UP);

        // Started, so it should run, but its thread is gone (never started here: start() was not called).
        WorkerThread threadless = new Counting("threadless", 0) {
            @Override
            public State state() {
                State real = super.state();
                return new State(real.name(), true, real.alive(), real.restarts(), real.lastDeathAt(), real.lastDeath());
            }
        };
        assertThat(health(List.of(healthy, threadless)).getStatus()).isEqualTo(Status.DOWN);
    }

    private static Health health(List<WorkerThread> workers) {
        return new WorkersHealth(workers, Clock.systemUTC()).health(true);
    }
}
