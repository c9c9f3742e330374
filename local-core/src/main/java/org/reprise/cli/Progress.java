package org.reprise.cli;

import org.reprise.discover.ProgressListener;

import java.io.PrintStream;
import java.util.Locale;

/** Progress on stderr: each phase with the time since start, and the family loop every 2 s. */
public final class Progress implements ProgressListener {
    private static final long EVERY_NANOS = 2_000_000_000L;

    private final PrintStream err;
    private final long start = System.nanoTime();
    private long lastReport = start;
    private long phaseStart = start;
    private int seedsAtPhaseStart;

    /** {@code err} null makes it silent. */
    public Progress(PrintStream err) {
        this.err = err;
    }

    @Override
    public void message(String text) {
        if (err != null) {
            err.printf(Locale.ROOT, "[%7.1fs] %s%n", (System.nanoTime() - start) / 1e9, text);
        }
    }

    @Override
    public void phase(String name) {
        phaseStart = System.nanoTime();
        seedsAtPhaseStart = 0;
        message(name);
    }

    @Override
    public void seedDone(int seedsProcessed, int familiesReported, int seedsQueued) {
        long now = System.nanoTime();
        if (err == null || now - lastReport < EVERY_NANOS) {
            return;
        }
        lastReport = now;
        double rate = (seedsProcessed - seedsAtPhaseStart) / Math.max(1e-9, (now - phaseStart) / 1e9);
        message(String.format(Locale.ROOT, "families: %d seeds done, %d families, %d seeds queued, %.1f seeds/s",
                seedsProcessed, familiesReported, seedsQueued, rate));
    }
}
