package org.reprise.align;

import org.reprise.genome.BaseCode;

/**
 * Conversions between DNA letters and the base codes of {@link BaseCode} (A=0, C=1, G=2, T=3,
 * {@link BaseCode#INVALID} = 4 for N and the IUPAC ambiguity letters), for callers that hold
 * sequences as Strings: library consensi, tests.
 */
public final class Dna {
    private static final byte ILLEGAL = -1;
    private static final byte[] FROM_ASCII = new byte[128];

    static {
        java.util.Arrays.fill(FROM_ASCII, ILLEGAL);
        for (char c : "NXRYMKWSBDHV".toCharArray()) {
            FROM_ASCII[c] = BaseCode.INVALID;
            FROM_ASCII[Character.toLowerCase(c)] = BaseCode.INVALID;
        }
        String acgt = "ACGT";
        for (int i = 0; i < 4; i++) {
            FROM_ASCII[acgt.charAt(i)] = (byte) i;
            FROM_ASCII[Character.toLowerCase(acgt.charAt(i))] = (byte) i;
        }
    }

    private Dna() {
    }

    /**
     * The codes of a sequence of letters: A, C, G, T in either case, N, X and the IUPAC
     * ambiguity letters as {@link BaseCode#INVALID}.
     *
     * @throws IllegalArgumentException naming the first character that is none of these
     */
    public static byte[] encode(CharSequence letters) {
        byte[] codes = new byte[letters.length()];
        for (int i = 0; i < codes.length; i++) {
            char c = letters.charAt(i);
            byte code = c < 128 ? FROM_ASCII[c] : ILLEGAL;
            if (code == ILLEGAL) {
                throw new IllegalArgumentException("'" + c + "' at position " + i + " is not a base or IUPAC code");
            }
            codes[i] = code;
        }
        return codes;
    }

    /** The letters of a sequence of codes (upper case, N for an invalid base). */
    public static String decode(byte[] codes) {
        char[] c = new char[codes.length];
        for (int i = 0; i < codes.length; i++) {
            c[i] = BaseCode.toChar(codes[i]);
        }
        return new String(c);
    }

    /** A new array: the reverse complement of {@code codes} (invalid bases stay invalid). */
    public static byte[] reverseComplement(byte[] codes) {
        byte[] rc = new byte[codes.length];
        reverseComplement(codes, codes.length, rc);
        return rc;
    }

    /** Writes the reverse complement of {@code codes[0, length)} into {@code out[0, length)}. */
    static void reverseComplement(byte[] codes, int length, byte[] out) {
        for (int i = 0, j = length - 1; i < length; i++, j--) {
            int b = codes[j];
            out[i] = (byte) (b < 4 ? 3 - b : BaseCode.INVALID);
        }
    }
}
