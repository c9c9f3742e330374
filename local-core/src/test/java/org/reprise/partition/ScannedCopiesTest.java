package org.reprise.partition;

import org.junit.jupiter.api.Test;
import org.reprise.discover.IndexCopies;
import org.reprise.genome.Genome;
import org.reprise.index.KmerCodec;
import org.reprise.index.KmerIndex;
import org.reprise.testing.Sequences;
import org.reprise.util.LongBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The annotation's scan for its seeds finds what the k-mer index finds with -dist 0: the same
 * positions, in the same order, over the same owned ranges, after the same tandem filter, on both
 * strands (palindromes included).
 */
class ScannedCopiesTest {
    private static final int K = 12;

    @Test
    void givesTheIndexsCopiesOfEverySeedOverTheOwnedRanges() {
        Random rnd = new Random(7);
        String repeat = Sequences.random(rnd, 300);
        String palindrome = "AACCGGCCGGTT"; // its own reverse complement
        List<String> seqs = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                sb.append(Sequences.random(rnd, 200 + rnd.nextInt(900)));
                String copy = Sequences.mutate(rnd, repeat, 6);
                sb.append(rnd.nextBoolean() ? copy : Sequences.revcomp(copy));
                if (i % 4 == 0) {
                    sb.append(copy, 0, 40).append(copy, 0, 40); // a tandem pair
                }
                if (i % 5 == 0) {
                    sb.append("NNNNN").append(palindrome);
                }
            }
            seqs.add(sb.toString());
        }
        Genome genome = Genome.ofLetters("drawn", List.of("a", "b", "c"), seqs);
        long[] owned = new long[2 * genome.contigCount()];
        for (int c = 0; c < genome.contigCount(); c++) {
            int len = genome.codes(c).length;
            owned[2 * c] = c == 0 ? 0 : 1500;
            owned[2 * c + 1] = c == 2 ? len - 1500 : len;
        }
        KmerCodec codec = new KmerCodec(K);
        long[] seeds = new long[40];
        byte[] codes = genome.codes(0);
        for (int i = 0; i < seeds.length; i++) {
            long s;
            do {
                int at = rnd.nextInt(codes.length - K);
                s = codec.encode(codes, at);
            } while (s < 0);
            seeds[i] = s;
        }
        seeds[0] = codec.encode(palindrome);
        seeds[1] = codec.encode("ACGTACGTACGT"); // absent, asked for all the same
        for (int tandem : new int[] {0, 500}) {
            IndexCopies index = new IndexCopies(KmerIndex.build(genome, K, null, owned), 0, tandem);
            ScannedCopies scan = new ScannedCopies(genome, K, owned, seeds, tandem);
            LongBuffer f1 = new LongBuffer(8), r1 = new LongBuffer(8), f2 = new LongBuffer(8), r2 = new LongBuffer(8);
            int found = 0;
            for (long s : seeds) {
                index.copies(s, f1, r1);
                scan.copies(s, f2, r2);
                assertArrayEquals(f1.toArray(), f2.toArray(), codec.decode(s) + " forward, tandemdist " + tandem);
                assertArrayEquals(r1.toArray(), r2.toArray(), codec.decode(s) + " reverse, tandemdist " + tandem);
                found += f1.size() + r1.size();
            }
            assertTrue(found > 3 * seeds.length, "the drawn seeds have copies: " + found);
        }
    }
}
