package org.reprise.polish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.reprise.discover.Element;

/**
 * The genome layout of an LTR retrotransposon: two elements of one family A on the same strand,
 * {@value #MIN_SPAN}-{@value #MAX_SPAN} bases apart (first start to second end), and between
 * them elements of other families covering at least {@value #MIN_INSIDE} of the bases in
 * between. A is then an LTR and the families inside are internal parts.
 *
 * <p>A family is marked when it has at least two such layouts, or one and as many layouts as a
 * fifth of its elements (a family of solo LTRs beside a few full elements, yeast's Ty deltas);
 * a family inside when at least half its elements lie in layouts. Two unrelated elements of one
 * family rarely lie so close with other families filling the space between.
 */
final class LtrLayout {
    static final int MIN_SPAN = 1_000;
    static final int MAX_SPAN = 20_000;
    static final double MIN_INSIDE = 0.5;
    /** Elements looked at after each one: enough for an internal part in many pieces. */
    private static final int LOOK_AHEAD = 40;

    private LtrLayout() {
    }

    private record Placed(Element e, int owner) {
    }

    /** Per candidate, whether its elements lie in LTR layouts, as LTR or as internal part. */
    static boolean[] of(List<Candidate> families) {
        int n = families.size();
        List<Placed> all = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            for (Element e : families.get(f).elements()) {
                all.add(new Placed(e, f));
            }
        }
        all.sort(Comparator.<Placed>comparingInt(p -> p.e.contigIndex()).thenComparingLong(p -> p.e.start())
                .thenComparingLong(p -> p.e.end()).thenComparingInt(p -> p.owner));
        int[] layouts = new int[n];
        int[] inside = new int[n];
        for (int i = 0; i < all.size(); i++) {
            Placed a = all.get(i);
            for (int j = i + 1; j < all.size() && j <= i + LOOK_AHEAD; j++) {
                Placed b = all.get(j);
                if (b.e.contigIndex() != a.e.contigIndex() || b.e.end() - a.e.start() > MAX_SPAN) {
                    break;
                }
                if (b.owner != a.owner || b.e.isReverse() != a.e.isReverse()) {
                    continue;
                }
                long span = b.e.end() - a.e.start();
                long between = b.e.start() - a.e.end();
                if (span >= MIN_SPAN && between > 0 && covered(all, i, j) >= MIN_INSIDE * between) {
                    layouts[a.owner]++;
                    for (int m = i + 1; m < j; m++) {
                        if (all.get(m).owner != a.owner) {
                            inside[all.get(m).owner]++;
                        }
                    }
                }
                break; // the next element of the family on this strand decides
            }
        }
        boolean[] marked = new boolean[n];
        for (int f = 0; f < n; f++) {
            int copies = families.get(f).copies();
            marked[f] = layouts[f] >= 2 || layouts[f] >= 1 && layouts[f] * 5 >= copies || inside[f] * 2 >= copies && inside[f] > 0;
        }
        return marked;
    }

    /** Bases between element i's end and element j's start covered by the elements between them. */
    private static long covered(List<Placed> all, int i, int j) {
        long from = all.get(i).e.end();
        long to = all.get(j).e.start();
        long reach = from;
        long sum = 0;
        for (int m = i + 1; m < j; m++) {
            Element e = all.get(m).e;
            long s = Math.max(reach, e.start());
            long t = Math.min(to, e.end());
            if (t > s) {
                sum += t - s;
                reach = t;
            }
        }
        return sum;
    }
}
