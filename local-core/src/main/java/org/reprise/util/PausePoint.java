package org.reprise.util;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only: named places where a process can be told to stop and wait to be killed, so that a
 * test kills a run (kill -9) at a known point (in the family loop, in the middle of an output
 * commit) rather than at whatever point a timer happens to fall.
 *
 * <p>With the system property {@value #PROPERTY} set to {@code NAME} or {@code NAME:N}, the N-th
 * time (1-based, counted in this JVM; default 1) {@link #reached} is called with that name, it
 * prints {@code reprise: test pause at NAME (N)} on stderr and sleeps; after ten minutes it halts
 * the JVM (exit 3), so that a forgotten process cannot outlive its test for long. Without the
 * property it does nothing but one property lookup.
 *
 * <p>Points: {@code families} (a run's family loop has committed its first family),
 * {@code commit} (an output commit has renamed its first file, not the rest),
 * {@code batch-commit} (a batch genome's directory commit, after its first rename).
 */
public final class PausePoint {
    /** The system property naming the point to pause at. */
    public static final String PROPERTY = "reprise.test.pauseAt";
    /** What is printed on stderr when the process pauses, followed by the point's name. */
    public static final String MESSAGE = "reprise: test pause at ";

    private static final Map<String, AtomicInteger> TIMES = new ConcurrentHashMap<>();

    private PausePoint() {
    }

    /** Marks that {@code point} is reached; pauses there when the property asks for it. */
    public static void reached(String point) {
        String wanted = System.getProperty(PROPERTY);
        if (wanted == null || !wanted.startsWith(point)) {
            return;
        }
        int n = 1;
        if (wanted.length() > point.length()) {
            if (wanted.charAt(point.length()) != ':') {
                return;
            }
            n = Integer.parseInt(wanted.substring(point.length() + 1));
        }
        int time = TIMES.computeIfAbsent(point, p -> new AtomicInteger()).incrementAndGet();
        if (time != n) {
            return;
        }
        System.err.println(MESSAGE + point + " (" + time + ")");
        System.err.flush();
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                // keep waiting: only the kill (or the deadline) ends the pause
            }
        }
        Runtime.getRuntime().halt(3);
    }
}
