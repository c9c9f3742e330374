package org.reprise.index;

import org.reprise.genome.BaseCode;

/**
 * K-mers as 2-bit codes in a long, first base in the most significant bits, so that numeric order
 * is the lexicographic order A &lt; C &lt; G &lt; T that REPrise's seed queue breaks ties with.
 */
public final class KmerCodec {
    private static final long LOW_BITS = 0x5555_5555_5555_5555L;

    private final int k;
    private final long mask;
    /** entropyOk[a][c][g]: whether a k-mer of that composition passes REPrise's low-complexity filter. */
    private final boolean[][][] entropyOk;

    public KmerCodec(int k) {
        if (k < 1 || k > 31) {
            throw new IllegalArgumentException("k must be 1..31, got " + k);
        }
        this.k = k;
        this.mask = k == 32 ? -1L : (1L << (2 * k)) - 1;
        this.entropyOk = new boolean[k + 1][k + 1][k + 1];
        for (int a = 0; a <= k; a++) {
            for (int c = 0; a + c <= k; c++) {
                for (int g = 0; a + c + g <= k; g++) {
                    entropyOk[a][c][g] = !(entropy(new int[] {a, c, g, k - a - c - g}, k) > -0.7);
                }
            }
        }
    }

    public int k() {
        return k;
    }

    public long mask() {
        return mask;
    }

    /**
     * REPrise's sum_b p_b ln p_b over the base shares of a k-mer (0 for one base only, down to
     * -ln 4); bases are visited in code order like REPrise so that the double sum rounds alike.
     */
    static double entropy(int[] counts, int k) {
        double answer = 0.0;
        for (int x = 0; x < 4; x++) {
            if (counts[x] == 0) {
                continue;
            }
            double y = (double) counts[x] / (double) k;
            answer += y * Math.log(y);
        }
        return answer;
    }

    /** Whether a k-mer is complex enough to be a seed candidate (REPrise: entropy &lt;= -0.7). */
    public boolean complexEnough(long code) {
        int a = 0, c = 0, g = 0;
        for (int i = 0; i < k; i++) {
            int b = (int) (code >>> (2 * i)) & 3;
            if (b == 0) {
                a++;
            } else if (b == 1) {
                c++;
            } else if (b == 2) {
                g++;
            }
        }
        return entropyOk[a][c][g];
    }

    public long reverseComplement(long code) {
        long rc = 0;
        for (int i = 0; i < k; i++) {
            rc = (rc << 2) | (3 - (code & 3));
            code >>>= 2;
        }
        return rc;
    }

    /** Number of positions at which two k-mer codes differ. */
    public static int hamming(long a, long b) {
        long x = a ^ b;
        return Long.bitCount((x | (x >>> 1)) & LOW_BITS);
    }

    /** The code of the k bases at {@code offset} of a code array; -1 if any is invalid or out of range. */
    public long encode(byte[] codes, int offset) {
        if (offset < 0 || offset + k > codes.length) {
            return -1;
        }
        long code = 0;
        for (int i = 0; i < k; i++) {
            int b = codes[offset + i];
            if (b >= BaseCode.INVALID) {
                return -1;
            }
            code = (code << 2) | b;
        }
        return code;
    }

    public long encode(CharSequence letters) {
        if (letters.length() != k) {
            throw new IllegalArgumentException("k-mer " + letters + " is not of length " + k);
        }
        long code = 0;
        for (int i = 0; i < k; i++) {
            int b = "ACGT".indexOf(Character.toUpperCase(letters.charAt(i)));
            if (b < 0) {
                throw new IllegalArgumentException("k-mer " + letters + " has a letter other than ACGT");
            }
            code = (code << 2) | b;
        }
        return code;
    }

    public String decode(long code) {
        char[] s = new char[k];
        for (int i = k - 1; i >= 0; i--) {
            s[i] = BaseCode.toChar((int) (code & 3));
            code >>>= 2;
        }
        return new String(s);
    }
}
