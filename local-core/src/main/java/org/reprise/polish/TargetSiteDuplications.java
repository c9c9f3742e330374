package org.reprise.polish;

import java.util.List;

import org.reprise.discover.Element;

/**
 * Target-site duplications: an insertion repeats the few bases of the target site on both of its
 * sides. For an element, the TSD is the longest t in 2..{@value #MAX} such that the t bases just
 * before it equal the t bases just after it (forward strand, exactly). For a family, the most
 * common TSD among up to {@value #SAMPLE} of its elements, evenly spread over its element list.
 * The ends of discovered elements are not base-exact, so a family's share is a weak signal,
 * used as supporting evidence only.
 */
final class TargetSiteDuplications {
    static final int MAX = 20;
    static final int SAMPLE = 64;

    private TargetSiteDuplications() {
    }

    /** {most common TSD length (0 for none), the share of sampled elements with it}. */
    static double[] of(List<Element> elements, GenomeBases genome) {
        int n = elements.size();
        if (n == 0) {
            return new double[] {0, 0};
        }
        int sample = Math.min(SAMPLE, n);
        int[] counts = new int[MAX + 1];
        for (int s = 0; s < sample; s++) {
            Element e = elements.get((int) ((long) s * n / sample));
            byte[] left = genome.read(e.contigIndex(), e.start() - MAX, e.start(), false);
            byte[] right = genome.read(e.contigIndex(), e.end(), e.end() + MAX, false);
            counts[length(left, right)]++;
        }
        int best = 0;
        for (int t = 2; t <= MAX; t++) {
            if (counts[t] > counts[best] || best == 0 && counts[t] > 0) {
                best = t;
            }
        }
        return new double[] {best, best == 0 ? 0 : (double) counts[best] / sample};
    }

    /** The TSD of one element: {@code left} ends at its start, {@code right} starts at its end. */
    static int length(byte[] left, byte[] right) {
        for (int t = Math.min(MAX, Math.min(left.length, right.length)); t >= 2; t--) {
            boolean same = true;
            for (int i = 0; i < t && same; i++) {
                byte a = left[left.length - t + i];
                same = a >= 0 && a <= 3 && a == right[i];
            }
            if (same) {
                return t;
            }
        }
        return 0;
    }
}
