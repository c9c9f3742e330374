package org.reprise.simulate;

/** Upper-case A, C, G, T byte sequences: reverse complements and base codes. */
final class Dna {
    static final byte[] ACGT = {'A', 'C', 'G', 'T'};
    private static final byte[] COMPLEMENT = new byte[128];
    private static final byte[] CODE = new byte[128];

    static {
        for (int i = 0; i < 128; i++) {
            COMPLEMENT[i] = (byte) i;
        }
        COMPLEMENT['A'] = 'T';
        COMPLEMENT['C'] = 'G';
        COMPLEMENT['G'] = 'C';
        COMPLEMENT['T'] = 'A';
        CODE['C'] = 1;
        CODE['G'] = 2;
        CODE['T'] = 3;
    }

    private Dna() {
    }

    /** Reverse-complements {@code b} in place. */
    static void reverseComplementInPlace(byte[] b) {
        for (int i = 0, j = b.length - 1; i <= j; i++, j--) {
            byte x = COMPLEMENT[b[i]];
            b[i] = COMPLEMENT[b[j]];
            b[j] = x;
        }
    }

    /** @return the reverse complement of {@code b} (a new array). */
    static byte[] reverseComplement(byte[] b) {
        byte[] r = b.clone();
        reverseComplementInPlace(r);
        return r;
    }

    /** @return 0..3 for A, C, G, T. */
    static int code(byte base) {
        return CODE[base];
    }
}
