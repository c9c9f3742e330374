package org.reprise.polish;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.reprise.discover.Element;

/**
 * Joins the fragments of one family: discovery often reports a long element as two or more
 * families whose elements sit end to end in the genome (an LTR retrotransposon as its LTR and its
 * internal part, a long element cut where its copies disagree).
 *
 * <p>The rule. Two elements are <em>adjacent</em> when they are consecutive on a contig (sorted
 * by start), on the same strand, and the second starts at most {@code maxJoinGap} bases after the
 * first ends (or overlaps it by at most {@code maxJoinOverlap}). Adjacent elements of families A
 * and B on the plus strand say "A then B" (in the consensi's orientation); on the minus strand
 * they say "B then A". A then B is a <em>link</em> when it is said by at least
 * {@code joinFraction} of the smaller family's elements and by at least {@code minCopies}
 * elements. Links are taken by support descending (then A, then B), each family keeping one
 * successor and one predecessor, never closing a cycle, except one: a chain whose last family
 * links back to its first is a cycle, opened at its family with the most elements, which then
 * stands at both ends: how an LTR element (LTR, internal part, LTR) is put together.
 *
 * <p>A chain's consensus is its families' consensi end to end; the bases between two of them are
 * taken from the adjacent pair of that link whose gap is the median (the first such pair in
 * genome order), read from the genome on the element's strand; an overlap is cut off the second
 * consensus. A chain's elements are its families' elements, runs of adjacent elements that
 * follow the chain's order merged into one element each.
 */
final class FragmentJoiner {
    private final PolishParameters params;
    private final GenomeBases genome;

    FragmentJoiner(PolishParameters params, GenomeBases genome) {
        this.params = params;
        this.genome = genome;
    }

    /** The candidates after joining, and how many links were made. */
    record Joined(List<Candidate> candidates, int links, int[] selfAdjacent) {
    }

    /** One element with the candidate it belongs to. */
    private record Placed(Element e, int owner) {
    }

    Joined join(List<Candidate> in) {
        int n = in.size();
        List<Placed> all = sorted(in);
        Map<Long, List<int[]>> pairs = new HashMap<>();
        int[] selfAdjacent = new int[n];
        for (int i = 0; i + 1 < all.size(); i++) {
            Placed a = all.get(i);
            Placed b = all.get(i + 1);
            if (!adjacent(a.e, b.e)) {
                continue;
            }
            if (a.owner == b.owner) {
                selfAdjacent[a.owner]++;
                continue;
            }
            int first = a.e.isReverse() ? b.owner : a.owner;
            int second = a.e.isReverse() ? a.owner : b.owner;
            pairs.computeIfAbsent((long) first * n + second, x -> new ArrayList<>()).add(new int[] {i, i + 1});
        }
        List<long[]> links = new ArrayList<>(); // {support, first, second}
        for (Map.Entry<Long, List<int[]>> e : pairs.entrySet()) {
            int first = (int) (e.getKey() / n);
            int second = (int) (e.getKey() % n);
            int support = e.getValue().size();
            int smaller = Math.min(in.get(first).copies(), in.get(second).copies());
            if (support >= params.minCopies() && support >= params.joinFraction() * smaller) {
                links.add(new long[] {support, first, second});
            }
        }
        links.sort(Comparator.<long[]>comparingLong(l -> -l[0]).thenComparingLong(l -> l[1]).thenComparingLong(l -> l[2]));
        int[] next = new int[n];
        int[] prev = new int[n];
        boolean[] closes = new boolean[n]; // a chain's last family links back to its first
        Arrays.fill(next, -1);
        Arrays.fill(prev, -1);
        int made = 0;
        for (long[] l : links) {
            int a = (int) l[1];
            int b = (int) l[2];
            if (next[a] >= 0 || prev[b] >= 0 || closes[a]) {
                continue;
            }
            int head = b;
            while (next[head] >= 0) {
                head = next[head];
            }
            if (head == a) {
                // b's chain ends in a: a -> b closes a cycle. Kept once, when b starts the chain.
                if (prev[b] < 0 && !closesAny(b, next, closes)) {
                    closes[a] = true;
                    made++;
                }
                continue;
            }
            next[a] = b;
            prev[b] = a;
            made++;
        }
        List<Candidate> out = new ArrayList<>();
        boolean[] done = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (done[i] || prev[i] >= 0) {
                continue;
            }
            List<Integer> chain = new ArrayList<>();
            for (int f = i; f >= 0; f = next[f]) {
                chain.add(f);
                done[f] = true;
            }
            if (closes[chain.get(chain.size() - 1)]) {
                // A cycle: the family with the most elements (an LTR: two a full copy) is the one
                // at both ends, whichever link was taken first.
                int m = 0;
                for (int j = 1; j < chain.size(); j++) {
                    if (in.get(chain.get(j)).copies() > in.get(chain.get(m)).copies()) {
                        m = j;
                    }
                }
                List<Integer> rotated = new ArrayList<>(chain.subList(m, chain.size()));
                rotated.addAll(chain.subList(0, m));
                rotated.add(rotated.get(0));
                chain = rotated;
            }
            out.add(chain.size() == 1 ? in.get(i) : build(chain, in, all, pairs, n));
        }
        int[] selfOut = new int[out.size()];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (prev[i] < 0) {
                selfOut[k++] = next[i] < 0 && !closes[i] ? selfAdjacent[i] : 0;
            }
        }
        return new Joined(out, made, selfOut);
    }

    private static boolean closesAny(int head, int[] next, boolean[] closes) {
        for (int f = head; f >= 0; f = next[f]) {
            if (closes[f]) {
                return true;
            }
        }
        return false;
    }

    private static List<Placed> sorted(List<Candidate> in) {
        List<Placed> all = new ArrayList<>();
        for (int c = 0; c < in.size(); c++) {
            for (Element e : in.get(c).elements()) {
                all.add(new Placed(e, c));
            }
        }
        all.sort(Comparator.<Placed>comparingInt(p -> p.e.contigIndex()).thenComparingLong(p -> p.e.start())
                .thenComparingLong(p -> p.e.end()).thenComparingInt(p -> p.owner));
        return all;
    }

    private boolean adjacent(Element a, Element b) {
        if (a.contigIndex() != b.contigIndex() || a.isReverse() != b.isReverse()) {
            return false;
        }
        long gap = b.start() - a.end();
        return gap <= params.maxJoinGap() && gap >= -params.maxJoinOverlap()
                && b.end() > a.end(); // b reaches past a: not nested in it
    }

    private Candidate build(List<Integer> chain, List<Candidate> in, List<Placed> all, Map<Long, List<int[]>> pairs,
                            int n) {
        // The consensus, family by family.
        java.io.ByteArrayOutputStream cons = new java.io.ByteArrayOutputStream();
        byte[] firstCons = in.get(chain.get(0)).consensus();
        cons.write(firstCons, 0, firstCons.length);
        for (int j = 1; j < chain.size(); j++) {
            int a = chain.get(j - 1);
            int b = chain.get(j);
            List<int[]> support = pairs.get((long) a * n + b);
            byte[] bCons = in.get(b).consensus();
            int cut = 0;
            if (support != null && !support.isEmpty()) {
                long[] gaps = new long[support.size()];
                for (int s = 0; s < gaps.length; s++) {
                    int[] p = support.get(s);
                    gaps[s] = all.get(p[1]).e.start() - all.get(p[0]).e.end();
                }
                long[] order = gaps.clone();
                Arrays.sort(order);
                long median = order[(order.length - 1) / 2];
                int[] p = support.get(indexOf(gaps, median));
                Element left = all.get(p[0]).e;
                Element right = all.get(p[1]).e;
                if (median > 0) {
                    byte[] between = genome.read(left.contigIndex(), left.end(), right.start(), left.isReverse());
                    cons.write(between, 0, between.length);
                } else {
                    cut = (int) Math.min(-median, bCons.length - 1);
                }
            }
            cons.write(bCons, cut, bCons.length - cut);
        }
        // The elements: runs of adjacent elements in chain order become one.
        int[] positionFirst = new int[n];
        int[] positionLast = new int[n];
        Arrays.fill(positionFirst, -1);
        for (int j = 0; j < chain.size(); j++) {
            int f = chain.get(j);
            if (positionFirst[f] < 0) {
                positionFirst[f] = j;
            }
            positionLast[f] = j;
        }
        List<Placed> mine = new ArrayList<>();
        for (Placed p : all) {
            if (positionFirst[p.owner] >= 0) {
                mine.add(p);
            }
        }
        List<Element> elements = new ArrayList<>();
        int i = 0;
        while (i < mine.size()) {
            Placed start = mine.get(i);
            boolean reverse = start.e.isReverse();
            int pos = reverse ? positionLast[start.owner] : positionFirst[start.owner];
            Element last = start.e;
            int j = i + 1;
            while (j < mine.size()) {
                Placed cand = mine.get(j);
                int want = reverse ? pos - 1 : pos + 1;
                if (want < 0 || want >= chain.size() || chain.get(want) != cand.owner || !adjacent(last, cand.e)) {
                    break;
                }
                pos = want;
                last = cand.e;
                j++;
            }
            elements.add(new Element(start.e.contigIndex(), start.e.start(), last.end(), reverse, 0));
            i = j;
        }
        Candidate best = in.get(chain.get(0));
        int raw = 0;
        for (int f : chain) {
            Candidate c = in.get(f);
            if (c.copies() > best.copies()) {
                best = c;
            }
        }
        boolean[] seen = new boolean[n];
        for (int f : chain) {
            if (!seen[f]) {
                raw += in.get(f).rawFamilies();
                seen[f] = true;
            }
        }
        return new Candidate(cons.toByteArray(), elements, best.firstRaw(), best.seed(), best.seedFreq(), raw);
    }

    private static int indexOf(long[] values, long v) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == v) {
                return i;
            }
        }
        throw new IllegalStateException("median not among the values");
    }
}
