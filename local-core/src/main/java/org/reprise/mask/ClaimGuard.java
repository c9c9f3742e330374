package org.reprise.mask;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Ownership of a successfully claimed range of a {@link Bitmask}, for try-with-resources:
 * <pre>{@code
 * try (ClaimGuard g = mask.tryClaim(start, end)) {
 *     if (g == null) return;          // someone else holds part of the range
 *     extend(start, end);             // may throw: the range is then released
 *     g.commit();                     // keep the bases claimed for good
 * }
 * }</pre>
 *
 * <p><b>Invariant.</b> The guard's range is released at most once, and only if the guard is
 * closed without having been committed. The state moves only forward, OPEN to COMMITTED to
 * KEPT, or OPEN to RELEASED, each step by one CAS on {@code state}, so exactly one caller wins
 * each transition even if a guard is (wrongly) shared between threads: a second
 * {@code close()} finds a closed state and does nothing, and a {@code commit()} racing with
 * {@code close()} either commits first (the range stays claimed) or finds the guard closed
 * and throws.
 *
 * <p><b>Memory ordering.</b> The guard adds no ordering of its own beyond its volatile state:
 * releasing the range goes through {@link Bitmask#releaseRange}, which has release semantics,
 * and the claim that created the guard had acquire semantics.
 */
public final class ClaimGuard implements AutoCloseable {

    private static final int OPEN = 0;
    private static final int COMMITTED = 1;
    /** Closed without commit: the range has been released. */
    private static final int RELEASED = 2;
    /** Closed after commit: the range stays claimed. */
    private static final int KEPT = 3;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(ClaimGuard.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Bitmask mask;
    private final long start;
    private final long end;
    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state;

    /** Only {@link Bitmask#tryClaim} creates guards, after its claim succeeded. */
    ClaimGuard(Bitmask mask, long start, long end) {
        this.mask = mask;
        this.start = start;
        this.end = end;
    }

    /** First base of the claimed range (inclusive). */
    public long start() {
        return start;
    }

    /** End of the claimed range (exclusive). */
    public long end() {
        return end;
    }

    /** Whether {@link #commit()} has been called. */
    public boolean isCommitted() {
        final int s = state;
        return s == COMMITTED || s == KEPT;
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        final int s = state;
        return s == RELEASED || s == KEPT;
    }

    /**
     * Keeps the range claimed after {@link #close()}. Idempotent while the guard is open.
     *
     * @throws IllegalStateException if the guard has already been closed
     */
    public void commit() {
        // A failed CAS means the state is no longer OPEN: already COMMITTED (fine), or RELEASED or KEPT (closed).
        if (!STATE.compareAndSet(this, OPEN, COMMITTED) && isClosed()) {
            throw new IllegalStateException("commit() after close() of " + this);
        }
    }

    /** Releases the range unless committed. Idempotent; never throws. */
    @Override
    public void close() {
        for (int s = state; s == OPEN || s == COMMITTED; ) {
            final int witness = (int) STATE.compareAndExchange(this, s, s == OPEN ? RELEASED : KEPT);
            if (witness == s) {
                if (s == OPEN) {
                    mask.releaseRange(start, end);
                }
                return;
            }
            // Failed CAS: a concurrent commit() moved OPEN to COMMITTED, or a concurrent
            // close() won; re-examine the witness.
            s = witness;
        }
    }

    @Override
    public String toString() {
        return "ClaimGuard[" + start + ", " + end + ")";
    }
}
