package org.reprise.simulate;

import java.util.SplittableRandom;

/**
 * The random draws of the planner, on {@link SplittableRandom} and {@link StrictMath} only, so
 * that a seed gives the same genome on every JVM and platform (no {@code Math} intrinsics, no
 * JDK-version-dependent Gaussian).
 */
final class Draws {
    private Draws() {
    }

    /** @return an integer uniform in [lo, hi], both included; lo when hi &lt;= lo. */
    static int uniformInt(SplittableRandom rng, int lo, int hi) {
        if (hi <= lo) {
            return lo;
        }
        return lo + rng.nextInt(hi - lo + 1);
    }

    /** @return a real number uniform in [lo, hi). */
    static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    /**
     * @return an integer in [lo, hi] whose logarithm is uniform (so 3..300 gives as many families
     * of 3-30 copies as of 30-300); lo when hi &lt;= lo
     */
    static int logUniformInt(SplittableRandom rng, int lo, int hi) {
        if (hi <= lo) {
            return lo;
        }
        double a = StrictMath.log(lo);
        double b = StrictMath.log(hi + 1.0);
        int v = (int) StrictMath.floor(StrictMath.exp(a + (b - a) * rng.nextDouble()));
        return Math.max(lo, Math.min(hi, v));
    }

    /**
     * @return an integer in [lo, hi] from a power law, {@code P(X > x) ~ (lo / x)^alpha}, cut at
     *         {@code hi + 1} (inverse transform of one uniform): heavy-tailed, so most values lie
     *         near lo and a few near hi; the smaller alpha, the heavier the tail; lo when hi &lt;= lo
     */
    static int paretoInt(SplittableRandom rng, int lo, int hi, double alpha) {
        if (hi <= lo) {
            return lo;
        }
        double beyond = StrictMath.pow((double) lo / (hi + 1.0), alpha); // P(X > hi + 1) without the cut
        double u = rng.nextDouble();
        double x = lo * StrictMath.pow(1 - u * (1 - beyond), -1 / alpha);
        int v = (int) StrictMath.floor(Math.min(x, Integer.MAX_VALUE));
        return Math.max(lo, Math.min(hi, v));
    }

    /** @return a standard normal value (Box-Muller on two uniforms). */
    static double gaussian(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble(); // in (0, 1]: log is finite
        double v = rng.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
    }

    /** @return true with probability p. */
    static boolean chance(SplittableRandom rng, double p) {
        return rng.nextDouble() < p;
    }

    /** Shuffles the array in place (Fisher-Yates). */
    static void shuffle(SplittableRandom rng, int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
