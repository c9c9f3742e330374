package org.reprise.polish;

import java.util.Random;

/** Random sequences for the polishing tests (codes 0..3), deterministic for a seed. */
final class Seqs {
    private Seqs() {
    }

    static byte[] random(Random r, int n) {
        byte[] s = new byte[n];
        for (int i = 0; i < n; i++) {
            s[i] = (byte) r.nextInt(4);
        }
        return s;
    }

    /** A copy with a share of bases substituted (each by another base). */
    static byte[] mutate(Random r, byte[] s, double rate) {
        byte[] m = s.clone();
        for (int i = 0; i < m.length; i++) {
            if (r.nextDouble() < rate) {
                m[i] = (byte) ((m[i] + 1 + r.nextInt(3)) % 4);
            }
        }
        return m;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    static byte[] revComp(byte[] s) {
        byte[] r = new byte[s.length];
        for (int i = 0; i < s.length; i++) {
            r[i] = (byte) (3 - s[s.length - 1 - i]);
        }
        return r;
    }

    static byte[] repeat(byte b, int n) {
        byte[] s = new byte[n];
        java.util.Arrays.fill(s, b);
        return s;
    }

    /** {@code units} copies of {@code unit}, each mutated on its own at {@code rate}. */
    static byte[] tandem(Random r, byte[] unit, int units, double rate) {
        byte[][] parts = new byte[units][];
        for (int i = 0; i < units; i++) {
            parts[i] = mutate(r, unit, rate);
        }
        return concat(parts);
    }
}
