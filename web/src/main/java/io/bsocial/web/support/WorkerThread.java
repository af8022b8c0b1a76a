package io.bsocial.web.support;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * One background thread of web's, started and stopped with the application (the outbox relay,
 * the timeline fan-out). Its loop waits until it is woken ({@link #wakeUp}, after a commit that
 * gave it work) or until its poll interval passes, then does a round of work; a round serves
 * every wake-up that came before it.
 * <p>
 * Whatever ends the loop while the application runs (an {@link Error} as much as an exception
 * its loop does not catch) does not end the work: the thread notes the death, waits a moment
 * (1 s, doubling up to a minute while deaths follow each other) and runs the loop again. Health
 * shows each worker, its restarts and its last death ({@link WorkersHealth}).
 */
public abstract class WorkerThread implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorkerThread.class);
    private static final Duration FIRST_RESTART_DELAY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RESTART_DELAY = Duration.ofMinutes(1);

    private final String name;
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile boolean running;
    private volatile Thread worker;
    private volatile Instant lastDeathAt;
    private volatile String lastDeath;
    private volatile Duration restartDelay = FIRST_RESTART_DELAY;

    protected WorkerThread(String name) {
        this.name = name;
    }

    /** Work arrived: start the next round now rather than at the next poll. */
    public void wakeUp() {
        wakeUps.release();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::supervise, name);
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread current = worker;
        if (current != null) {
            current.interrupt();
            try {
                current.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The thread's loop: rounds of work until {@link #isRunning()} turns false or it is interrupted. */
    protected abstract void work();

    /** The thread's name, which health and the logs show. */
    public String name() {
        return name;
    }

    /** What health shows of this worker. */
    public State state() {
        Thread current = worker;
        return new State(name, running, current != null && current.isAlive(), restarts.get(), lastDeathAt, lastDeath);
    }

    /**
     * One worker as health sees it: whether it should run and its thread lives, how often its loop
     * died and was run again, and the last death (when, and what: the throwable's class and message).
     */
    public record State(String name, boolean running, boolean alive, int restarts, Instant lastDeathAt,
            String lastDeath) {
    }

    private void supervise() {
        while (running) {
            long started = System.nanoTime();
            try {
                work();
                if (!running || Thread.currentThread().isInterrupted()) {
                    return; // stopped
                }
                died("its loop returned while the application runs");
                log.error("worker {} stopped by itself; running it again in {} ms", name, restartDelay.toMillis());
            } catch (Throwable death) { // an Error too: the loop runs again rather than leave its work undone
                if (!running) {
                    return;
                }
                died(death.toString());
                log.error("worker {} died; running it again in {} ms", name, restartDelay.toMillis(), death);
            }
            if (System.nanoTime() - started > LONGEST_RESTART_DELAY.toNanos()) {
                restartDelay = FIRST_RESTART_DELAY; // it had worked a while: not a death in a row
            }
            try {
                Thread.sleep(restartDelay.toMillis());
            } catch (InterruptedException stopping) {
                return;
            }
            restartDelay = min(restartDelay.multipliedBy(2), LONGEST_RESTART_DELAY);
            restarts.incrementAndGet();
        }
    }

    private void died(String what) {
        lastDeathAt = Instant.now();
        lastDeath = what;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Waits for a wake-up or for {@code pollInterval}, then forgets the wake-ups so far. */
    protected void awaitWork(Duration pollInterval) throws InterruptedException {
        wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        forgetWakeUps();
    }

    /** The round about to start serves every wake-up so far. */
    protected void forgetWakeUps() {
        wakeUps.drainPermits();
    }
}
