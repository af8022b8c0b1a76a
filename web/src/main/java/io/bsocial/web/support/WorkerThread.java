package io.bsocial.web.support;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;

/**
 * One background thread of web's, started and stopped with the application (the outbox relay,
 * the timeline fan-out). Its loop waits until it is woken ({@link #wakeUp}, after a commit that
 * gave it work) or until its poll interval passes, then does a round of work; a round serves
 * every wake-up that came before it.
 */
public abstract class WorkerThread implements SmartLifecycle {

    private final String name;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread worker;

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
        worker = new Thread(this::work, name);
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
