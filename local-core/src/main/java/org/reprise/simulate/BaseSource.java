package org.reprise.simulate;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Random bases of a given GC content, fast: one {@code nextLong()} gives four bases through a
 * 65,536-entry table, and left-over bits are kept, so the bases drawn do not depend on how a
 * caller cuts its requests into blocks. The GC fraction is resolved to 1/32,768.
 */
final class BaseSource {
    /**
     * Tables by GC threshold, shared: a table depends on the threshold only, and sources are made
     * by the thousand (one per family, satellite and AT-rich stretch, again when it is written).
     * Read-only once made.
     */
    private static final Map<Integer, byte[]> TABLES = new ConcurrentHashMap<>();

    private final byte[] table;
    private final SplittableRandom rng;
    private long bits;
    private int basesLeft;

    /**
     * @param gc   fraction of G and C, in [0, 1]
     * @param seed the generator's seed
     */
    BaseSource(double gc, long seed) {
        this.rng = new SplittableRandom(seed);
        this.table = TABLES.computeIfAbsent((int) StrictMath.round(gc * 32768), BaseSource::table);
    }

    /** @return the base of each 16-bit value: C or G for the first {@code 2 x threshold} of them. */
    private static byte[] table(int threshold) {
        byte[] table = new byte[1 << 16];
        for (int u = 0; u < table.length; u++) {
            boolean strong = (u >>> 1) < threshold;
            boolean second = (u & 1) != 0;
            table[u] = (byte) (strong ? (second ? 'G' : 'C') : (second ? 'T' : 'A'));
        }
        return table;
    }

    /** Writes {@code n} random upper-case bases into {@code buf} from {@code off}. */
    void fill(byte[] buf, int off, int n) {
        int i = off;
        int end = off + n;
        while (i < end && basesLeft > 0) {
            buf[i++] = table[(int) (bits & 0xFFFF)];
            bits >>>= 16;
            basesLeft--;
        }
        while (end - i >= 4) {
            long r = rng.nextLong();
            buf[i] = table[(int) (r & 0xFFFF)];
            buf[i + 1] = table[(int) ((r >>> 16) & 0xFFFF)];
            buf[i + 2] = table[(int) ((r >>> 32) & 0xFFFF)];
            buf[i + 3] = table[(int) (r >>> 48)];
            i += 4;
        }
        if (i < end) {
            bits = rng.nextLong();
            basesLeft = 4;
            while (i < end) {
                buf[i++] = table[(int) (bits & 0xFFFF)];
                bits >>>= 16;
                basesLeft--;
            }
        }
    }

    /** @return {@code n} random upper-case bases. */
    byte[] next(int n) {
        byte[] b = new byte[n];
        fill(b, 0, n);
        return b;
    }
}
