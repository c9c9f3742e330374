package org.reprise.testing;

import java.util.Random;

/** Random DNA and reverse complements for tests that build their own genomes. */
public final class Sequences {
    private static final String ACGT = "ACGT";

    private Sequences() {
    }

    /** n random bases from A, C, G, T. */
    public static String random(Random rnd, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(ACGT.charAt(rnd.nextInt(4)));
        }
        return s.toString();
    }

    /** The sequence with {@code substitutions} random bases each changed to another base. */
    public static String mutate(Random rnd, String s, int substitutions) {
        char[] c = s.toCharArray();
        for (int i = 0; i < substitutions; i++) {
            int p = rnd.nextInt(c.length);
            c[p] = ACGT.charAt((ACGT.indexOf(c[p]) + 1 + rnd.nextInt(3)) % 4);
        }
        return new String(c);
    }

    /** The reverse complement of a sequence of A, C, G, T in either case (the result is upper case). */
    public static String revcomp(String s) {
        StringBuilder r = new StringBuilder(s.length());
        for (int i = s.length() - 1; i >= 0; i--) {
            r.append(ACGT.charAt(3 - ACGT.indexOf(Character.toUpperCase(s.charAt(i)))));
        }
        return r.toString();
    }
}
