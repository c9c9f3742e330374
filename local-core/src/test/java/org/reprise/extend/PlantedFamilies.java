package org.reprise.extend;

import org.reprise.genome.Genome;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.reprise.testing.Sequences.random;
import static org.reprise.testing.Sequences.revcomp;

/** Random families for the oracle tests of the extension and the element alignment. */
final class PlantedFamilies {
    private PlantedFamilies() {
    }

    record Family(Genome genome, SeedCopies copies) {
    }

    /** A random genome of two contigs holding mutated copies of one repeat, the seed k-mer at its middle. */
    static Family plant(Random rnd, int copies, int k) {
        return plant(rnd, copies, k, 400);
    }

    /**
     * {@code copies} identical copies of a random repeat of {@code length} bases, the forward ones
     * on contig a and the reverse ones on contig b, in random sequence; the seed k-mer at the
     * repeat's middle.
     */
    static Family identicalCopies(Random rnd, int copies, int k, int length) {
        String repeat = random(rnd, length);
        int seedAt = length / 2;
        StringBuilder[] contigs = {new StringBuilder(random(rnd, 100)), new StringBuilder(random(rnd, 100))};
        long[] local = new long[copies];
        boolean[] rev = new boolean[copies];
        for (int c = 0; c < copies; c++) {
            rev[c] = c % 2 == 1;
            StringBuilder contig = contigs[rev[c] ? 1 : 0];
            local[c] = contig.length() + (rev[c] ? length - seedAt - k : seedAt);
            contig.append(rev[c] ? revcomp(repeat) : repeat).append(random(rnd, 300));
        }
        Genome g = Genome.ofLetters("test", List.of("a", "b"), List.of(contigs[0].toString(), contigs[1].toString()));
        long[] pos = new long[copies];
        for (int c = 0; c < copies; c++) {
            pos[c] = g.contig(rev[c] ? 1 : 0).start() + local[c];
        }
        return new Family(g, new SeedCopies(g, k, pos, rev));
    }

    /** As {@link #plant(Random, int, int)} with a repeat of {@code length} bases, the seed near its middle. */
    static Family plant(Random rnd, int copies, int k, int length) {
        String repeat = random(rnd, length);
        int seedAt = length * 3 / 8 + rnd.nextInt(length / 4);
        StringBuilder[] contigs = {new StringBuilder(random(rnd, 50)), new StringBuilder(random(rnd, 30))};
        List<Long> where = new ArrayList<>();
        List<Boolean> strands = new ArrayList<>();
        List<Integer> contigOf = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            int contig = c % 2;
            boolean reverse = rnd.nextInt(3) == 0;
            // Mutate outside the seed so that the seed stays exact.
            StringBuilder copy = new StringBuilder();
            for (int i = 0; i < repeat.length(); i++) {
                char b = repeat.charAt(i);
                boolean inSeed = i >= seedAt && i < seedAt + k;
                int r = rnd.nextInt(100);
                if (!inSeed && r < 6) {
                    copy.append("ACGT".charAt(rnd.nextInt(4)));
                } else if (!inSeed && r < 7) {
                    continue; // deletion
                } else if (!inSeed && r < 8) {
                    copy.append(b).append("ACGT".charAt(rnd.nextInt(4))); // insertion
                } else {
                    copy.append(b);
                }
                if (i == seedAt - 1) {
                    copy.append('|');
                }
            }
            String s = copy.toString();
            int seedOffset = s.indexOf('|');
            s = s.replace("|", "");
            // Some copies are cut by a contig end to exercise the out-of-contig reads.
            if (c == copies - 1) {
                s = s.substring(0, Math.min(s.length(), seedOffset + k + 20));
            }
            if (reverse) {
                s = revcomp(s);
                seedOffset = s.length() - seedOffset - k;
            }
            contigs[contig].append(random(rnd, 20 + rnd.nextInt(600)));
            long local = contigs[contig].length() + seedOffset;
            contigs[contig].append(s);
            where.add(local);
            strands.add(reverse);
            contigOf.add(contig);
        }
        contigs[1].insert(0, "NNNNN");
        Genome g = Genome.ofLetters("test", List.of("a", "b"), List.of(contigs[0].toString(), contigs[1].toString()));
        long[] pos = new long[copies];
        boolean[] rev = new boolean[copies];
        for (int c = 0; c < copies; c++) {
            long shift = contigOf.get(c) == 1 ? 5 : 0;
            pos[c] = g.contig(contigOf.get(c)).start() + where.get(c) + shift;
            rev[c] = strands.get(c);
        }
        return new Family(g, new SeedCopies(g, k, pos, rev));
    }

}
