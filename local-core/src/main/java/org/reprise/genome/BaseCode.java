package org.reprise.genome;

/**
 * The two-bit base codes used everywhere in the engine: A=0, C=1, G=2, T=3, and {@link #INVALID}
 * for N, X and the IUPAC ambiguity letters. Soft-masking (lowercase) is ignored, as in REPrise.
 * Codes order bases A &lt; C &lt; G &lt; T, which is the order REPrise breaks every tie in.
 */
public final class BaseCode {
    public static final byte A = 0, C = 1, G = 2, T = 3;
    /** A base that matches nothing and may not be part of any k-mer. */
    public static final byte INVALID = 4;
    /** Marks a byte that is neither a base nor an ambiguity code: an input error. */
    static final byte ILLEGAL = -1;

    private static final byte[] FROM_ASCII = new byte[256];
    private static final char[] TO_CHAR = {'A', 'C', 'G', 'T', 'N'};

    static {
        java.util.Arrays.fill(FROM_ASCII, ILLEGAL);
        for (char c : "NXRYMKWSBDHV".toCharArray()) {
            FROM_ASCII[c] = INVALID;
            FROM_ASCII[Character.toLowerCase(c)] = INVALID;
        }
        String acgt = "ACGT";
        for (int i = 0; i < 4; i++) {
            FROM_ASCII[acgt.charAt(i)] = (byte) i;
            FROM_ASCII[Character.toLowerCase(acgt.charAt(i))] = (byte) i;
        }
    }

    private BaseCode() {
    }

    /** The code of an ASCII letter; {@link #ILLEGAL} when it is no base or IUPAC code. */
    static byte fromAscii(int c) {
        return FROM_ASCII[c & 0xff];
    }

    /** The upper-case letter of a code; N for {@link #INVALID}. */
    public static char toChar(int code) {
        return TO_CHAR[code];
    }

    /** The complement of a code; {@link #INVALID} stays invalid. */
    public static int complement(int code) {
        return code < 4 ? 3 - code : code;
    }
}
