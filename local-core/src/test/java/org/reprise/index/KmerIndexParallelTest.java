package org.reprise.index;

import org.junit.jupiter.api.Test;
import org.reprise.genome.Genome;
import org.reprise.parallel.Workers;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.reprise.testing.Sequences.random;

/** The index built on several workers (genome cut into ranges, buckets into pieces) equals the one-thread index. */
class KmerIndexParallelTest {

    @Test
    void sameIndexForAnyNumberOfWorkers() {
        Random rnd = new Random(11);
        List<String> names = new ArrayList<>();
        List<String> seqs = new ArrayList<>();
        String repeat = random(rnd, 200);
        for (int c = 0; c < 37; c++) {
            names.add("c" + c);
            // Contigs of all sizes, some shorter than k, some with N runs, repeats across range cuts.
            StringBuilder s = new StringBuilder(random(rnd, rnd.nextInt(3) == 0 ? rnd.nextInt(10) : 50 + rnd.nextInt(3000)));
            if (rnd.nextBoolean()) {
                s.append(repeat).append("NNN").append(random(rnd, 40)).append(repeat);
            }
            seqs.add(s.toString());
        }
        Genome g = Genome.ofLetters("t", names, seqs);
        for (int k : new int[] {4, 9, 13}) {
            KmerIndex one = KmerIndex.build(g, k);
            for (int threads : new int[] {2, 3, 7}) {
                try (Workers w = new Workers(threads)) {
                    KmerIndex many = KmerIndex.build(g, k, w);
                    assertEquals(one.distinctKmers(), many.distinctKmers(), "k=" + k + ", threads=" + threads);
                    assertEquals(one.positionCount(), many.positionCount());
                    for (int x = 0; x < one.distinctKmers(); x++) {
                        assertEquals(one.kmer(x), many.kmer(x));
                        assertEquals(one.occurrenceStart(x), many.occurrenceStart(x));
                        assertEquals(one.occurrenceEnd(x), many.occurrenceEnd(x));
                        assertEquals(x, many.indexOf(one.kmer(x)));
                    }
                    for (int i = 0; i < one.positionCount(); i++) {
                        assertEquals(one.position(i), many.position(i));
                    }
                }
            }
        }
    }
}
