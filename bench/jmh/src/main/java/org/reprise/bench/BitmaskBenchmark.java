package org.reprise.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.reprise.mask.Bitmask;

/**
 * Throughput of one {@code claimRange} + {@code releaseRange} (or one failed claim) on a shared
 * {@link Bitmask}. Run with {@code -t 1} and {@code -t 2}.
 *
 * <ul>
 *   <li>{@code uncontended}: each thread works in its own region, 1 Mbit apart, so claims always
 *       succeed and threads never write the same word or cache line; the start shifts by 7 bp
 *       every call so partial first/last words vary.</li>
 *   <li>{@code contended}: every thread claims a range starting in [0, len), so any two ranges
 *       overlap (they all contain base len - 1); with two threads many claims fail. The
 *       {@code claimed} / {@code conflicted} counters split the operations by outcome.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BitmaskBenchmark {

    private static final long REGION = 1L << 20;

    @State(Scope.Benchmark)
    public static class SharedMask {
        @Param({"20", "5000"})
        public int length;

        public Bitmask mask;
        final AtomicInteger nextThread = new AtomicInteger();

        @Setup(Level.Trial)
        public void setUp() {
            mask = new Bitmask(16 * REGION);
        }
    }

    @State(Scope.Thread)
    public static class Cursor {
        long base;
        long step;

        @Setup(Level.Trial)
        public void setUp(SharedMask shared) {
            base = shared.nextThread.getAndIncrement() * REGION;
        }

        long next(long window) {
            step = (step + 7) % window;
            return step;
        }
    }

    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Outcome {
        public long claimed;
        public long conflicted;
    }

    @Benchmark
    public boolean uncontended(SharedMask s, Cursor c) {
        long start = c.base + c.next(4096);
        long end = start + s.length;
        if (!s.mask.claimRange(start, end)) {
            throw new IllegalStateException("uncontended claim failed at " + start);
        }
        s.mask.releaseRange(start, end);
        return true;
    }

    @Benchmark
    public boolean contended(SharedMask s, Cursor c, Outcome o) {
        long start = c.next(s.length);
        long end = start + s.length;
        if (s.mask.claimRange(start, end)) {
            s.mask.releaseRange(start, end);
            o.claimed++;
            return true;
        }
        o.conflicted++;
        return false;
    }
}
