/**
 * How much parallel work this machine really gives: the same work on 1 and on N threads, as one
 * dependent arithmetic chain per thread (latency-bound: scales even on hyperthread siblings), as
 * eight independent chains per thread (throughput-bound: scales only on separate cores), and as
 * dependent random reads over a 256 MB table (bound by the memory system the cores share).
 * A ratio near N means N cores' worth of that kind of work; near 1, the threads share the resource.
 * Each figure is the median of three timings after a run not counted.
 * Usage: java bench/cpu/CpuScaling.java [THREADS]   (Java 11+ runs a single source file)
 */
public class CpuScaling {
    static long chain(long n) {
        long x = 0;
        for (long i = 0; i < n; i++) {
            x += i * i ^ (x >>> 3);
        }
        return x;
    }

    static long independent(long n) {
        long a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8;
        for (long i = 0; i < n; i++) {
            a = a * 31 + i; b = b * 37 + i; c = c * 41 + i; d = d * 43 + i;
            e = e * 47 + i; f = f * 53 + i; g = g * 59 + i; h = h * 61 + i;
        }
        return a ^ b ^ c ^ d ^ e ^ f ^ g ^ h;
    }

    /** Dependent random reads over a 256 MB table: bound by memory latency and bandwidth, not arithmetic. */
    static final int[] TABLE = new int[1 << 26];

    static {
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < TABLE.length; i++) {
            TABLE[i] = r.nextInt(TABLE.length);
        }
    }

    static long memory(long n) {
        int at = (int) (Thread.currentThread().getId() % TABLE.length);
        long sum = 0;
        for (long i = 0; i < n; i++) {
            at = TABLE[at];
            sum += at;
        }
        return sum;
    }

    static double seconds(int threads, java.util.function.LongUnaryOperator work, long n) throws InterruptedException {
        Thread[] ts = new Thread[threads];
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            ts[t] = new Thread(() -> {
                if (work.applyAsLong(n) == 42) {
                    System.out.print("");
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Median of three timings, after one run not counted (JIT compilation). */
    static double median(int threads, java.util.function.LongUnaryOperator work, long n) throws InterruptedException {
        seconds(threads, work, n / 10);
        double[] t = {seconds(threads, work, n), seconds(threads, work, n), seconds(threads, work, n)};
        java.util.Arrays.sort(t);
        return t[1];
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        for (String kind : new String[] {"dependent chain", "independent chains", "random memory reads"}) {
            java.util.function.LongUnaryOperator w = kind.startsWith("dep") ? CpuScaling::chain
                    : kind.startsWith("ind") ? CpuScaling::independent : CpuScaling::memory;
            long n = kind.startsWith("dep") ? 1_000_000_000L : kind.startsWith("ind") ? 500_000_000L : 20_000_000L;
            double one = median(1, w, n);
            double many = median(threads, w, n);
            System.out.printf("%-19s 1 thread %.2f s, %d threads %.2f s (%dx the work): parallel throughput %.2fx%n",
                    kind, one, threads, many, threads, threads * one / many);
        }
    }
}
