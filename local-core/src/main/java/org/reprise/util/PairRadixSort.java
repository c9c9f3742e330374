package org.reprise.util;

/**
 * LSD radix sort of (long key, int value) pairs by the key's low {@code keyBits} bits, 16 bits a
 * pass; stable, so equal keys keep their input order. Used where the JDK has no primitive pair sort.
 */
public final class PairRadixSort {
    private PairRadixSort() {
    }

    /** Sorts keys[0..n) ascending, carrying values along; keys must be non-negative below 2^keyBits. */
    public static void sort(long[] keys, int[] values, int n, int keyBits) {
        long[] k2 = new long[n];
        int[] v2 = new int[n];
        long[] ks = keys, kd = k2;
        int[] vs = values, vd = v2;
        int[] count = new int[1 << 16];
        for (int shift = 0; shift < keyBits; shift += 16) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) (ks[i] >>> shift) & 0xffff]++;
            }
            int sum = 0;
            for (int d = 0; d < count.length; d++) {
                int c = count[d];
                count[d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int at = count[(int) (ks[i] >>> shift) & 0xffff]++;
                kd[at] = ks[i];
                vd[at] = vs[i];
            }
            long[] tk = ks; ks = kd; kd = tk;
            int[] tv = vs; vs = vd; vd = tv;
        }
        if (ks != keys) {
            System.arraycopy(ks, 0, keys, 0, n);
            System.arraycopy(vs, 0, values, 0, n);
        }
    }
}
