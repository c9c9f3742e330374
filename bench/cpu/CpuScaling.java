/**
 * How much parallel compute this machine really gives: the same work on 1 and on N threads, once
 * as one dependent chain per thread (latency-bound: scales even on hyperthread siblings) and once
 * as eight independent chains per thread (throughput-bound: scales only on separate cores).
 * A ratio near N means N real cores; near 1, the threads share one core's execution units.
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

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        chain(10_000_000);
        independent(10_000_000);
        for (String kind : new String[] {"dependent chain", "independent chains"}) {
            java.util.function.LongUnaryOperator w = kind.startsWith("dep") ? CpuScaling::chain : CpuScaling::independent;
            long n = kind.startsWith("dep") ? 1_000_000_000L : 500_000_000L;
            double one = seconds(1, w, n);
            double many = seconds(threads, w, n);
            System.out.printf("%-19s 1 thread %.2f s, %d threads %.2f s (%dx the work): parallel throughput %.2fx%n",
                    kind, one, threads, many, threads, threads * one / many);
        }
    }
}
