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

    /** Random contigs holding mutated copies of several repeats, on both strands, some copies cut. */
    public static String simulatedGenome(Random rnd) {
        int[] copies = {3, 5, 8, 20, 70, 400};
        int[] lengths = {300, 1200, 150, 500, 250, 90};
        String[] repeats = new String[copies.length];
        for (int r = 0; r < repeats.length; r++) {
            repeats[r] = random(rnd, lengths[r]);
        }
        StringBuilder[] contigs = new StringBuilder[5];
        for (int c = 0; c < contigs.length; c++) {
            contigs[c] = new StringBuilder(random(rnd, 2000));
        }
        for (int r = 0; r < repeats.length; r++) {
            for (int i = 0; i < copies[r]; i++) {
                StringBuilder copy = new StringBuilder();
                for (char b : repeats[r].toCharArray()) {
                    int x = rnd.nextInt(100);
                    if (x < 4) {
                        copy.append("ACGT".charAt(rnd.nextInt(4)));
                    } else if (x == 4) {
                        continue;
                    } else {
                        copy.append(b);
                    }
                }
                String s = copy.toString();
                if (rnd.nextInt(6) == 0) {
                    s = s.substring(rnd.nextInt(s.length() / 2));
                }
                if (rnd.nextBoolean()) {
                    s = revcomp(s);
                }
                StringBuilder c = contigs[rnd.nextInt(contigs.length)];
                c.append(s).append(random(rnd, 200 + rnd.nextInt(1500)));
            }
        }
        StringBuilder fa = new StringBuilder();
        for (int c = 0; c < contigs.length; c++) {
            fa.append(">sim").append(c).append('\n');
            for (int i = 0; i < contigs[c].length(); i += 70) {
                fa.append(contigs[c], i, Math.min(contigs[c].length(), i + 70)).append('\n');
            }
        }
        return fa.toString();
    }
}
