package org.reprise.seeds;

import org.junit.jupiter.api.Test;
import org.reprise.genome.FastaGenomeReader;
import org.reprise.genome.Genome;
import org.reprise.index.KmerCodec;
import org.reprise.index.KmerIndex;
import org.reprise.params.Parameters;
import org.reprise.parallel.Workers;
import org.reprise.partition.Chunk;
import org.reprise.partition.GenomePartitioner;
import org.reprise.partition.PartitionPlan;
import org.reprise.testing.Sequences;
import org.reprise.util.LongBuffer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed candidates counted without an index (occurrences of the chunks' owned positions, in
 * batches by canonical k-mer, as the Spark job's reducers and a streaming pass count them) equal
 * those the k-mer index gives, count, representative and position alike, for any partitioning
 * and batching; pre-masking fed either way gives the same seed table.
 */
class KmerOccurrencesTest {
    private static Genome simulated(long seed) throws IOException {
        byte[] fa = Sequences.simulatedGenome(new Random(seed)).getBytes(StandardCharsets.US_ASCII);
        return FastaGenomeReader.parse(new ByteArrayInputStream(fa), "sim.fa");
    }

    /** "code count position" lines of candidates, in rank order. */
    private static List<String> lines(List<Candidate> cs) {
        cs.sort((a, b) -> a.ranksBefore(b) ? -1 : b.ranksBefore(a) ? 1 : 0);
        List<String> out = new ArrayList<>();
        for (Candidate c : cs) {
            out.add(c.code() + " " + c.count() + " " + c.position() + " " + Arrays.toString(c.forward())
                    + " " + Arrays.toString(c.reverse()));
        }
        return out;
    }

    private static List<Candidate> withoutIndex(Genome g, Parameters p, int k, int partitions, int batches) {
        KmerCodec codec = new KmerCodec(k);
        PartitionPlan plan = GenomePartitioner.withPartitions(partitions, GenomePartitioner.paddingFor(p, k))
                .partition(g.dictionary());
        LongBuffer[] canonical = new LongBuffer[batches];
        LongBuffer[] tagged = new LongBuffer[batches];
        for (int b = 0; b < batches; b++) {
            canonical[b] = new LongBuffer();
            tagged[b] = new LongBuffer();
        }
        for (Chunk c : plan.chunks()) {
            byte[] codes = g.codes(c.contigIndex());
            byte[] padded = Arrays.copyOfRange(codes, (int) c.paddedStart(), (int) c.paddedEnd());
            KmerOccurrences.forEachOwned(c, padded, g.dictionary().contigStart(c.contigIndex()), codec, (can, tag) -> {
                int b = KmerOccurrences.batchOf(can, batches);
                canonical[b].add(can);
                tagged[b].add(tag);
            });
        }
        TandemFilter tandem = new TandemFilter(p.tandemDist, g.dictionary());
        List<Candidate> out = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            KmerOccurrences.forEachPair(canonical[b].toArray(), tagged[b].toArray(), false, k, p.minFreq,
                    (c, a, na, fa, bb, nb, fb) -> {
                        Candidate cand = KmerOccurrences.candidate(codec, c, a, na, fa, bb, nb, fb, p.minFreq, tandem);
                        if (cand != null) {
                            out.add(cand);
                        }
                    });
        }
        return out;
    }

    private static List<Candidate> fromIndex(Genome g, Parameters p, int k) {
        KmerIndex index = KmerIndex.build(g, k);
        CopyFinder finder = new CopyFinder(index, 0, p.tandemDist);
        List<Candidate> out = new ArrayList<>();
        try (Workers w = new Workers(1)) {
            SeedCandidates.Ranked ranked = SeedCandidates.rank(index, p, null, w);
            LongBuffer f = new LongBuffer(), r = new LongBuffer();
            for (int i = 0; i < ranked.size(); i++) {
                long code = index.kmer(ranked.kmer(i));
                finder.copies(code, f);
                finder.copies(index.codec().reverseComplement(code), r);
                out.add(new Candidate(code, ranked.count(i), ranked.position(i), f.toArray(), r.toArray()));
            }
        }
        return out;
    }

    @Test
    void countingWithoutAnIndexGivesTheIndexsCandidates() throws IOException {
        for (long seed : new long[] {2026, 7}) {
            Genome g = simulated(seed);
            for (Parameters p : List.of(Parameters.defaults(), Parameters.builder().tandemDist(0).minFreq(2).build())) {
                int k = p.kFor(g.dictionary());
                List<String> expected = lines(fromIndex(g, p, k));
                assertTrue(expected.size() > 100, "too few candidates to be a test: " + expected.size());
                for (int[] split : new int[][] {{1, 1}, {3, 5}, {7, 2}}) {
                    assertEquals(expected, lines(withoutIndex(g, p, k, split[0], split[1])),
                            "partitions " + split[0] + ", batches " + split[1]);
                }
            }
        }
    }

    @Test
    void preMaskingKeepsCopiesOnlyWhenAsked() throws IOException {
        Genome g = simulated(2026);
        Parameters p = Parameters.defaults();
        int k = p.kFor(g.dictionary());
        List<Candidate> cands = fromIndex(g, p, k);
        PreMasking bare = new PreMasking(g.length(), k, p.minFreq, false);
        PreMasking keeping = new PreMasking(g.length(), k, p.minFreq, true);
        for (Candidate c : cands) {
            assertEquals(bare.take(c), keeping.take(c));
        }
        SeedTable a = bare.seeds(), b = keeping.seeds();
        assertEquals(a.size(), b.size());
        assertTrue(!a.hasCopies() && b.hasCopies());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.code(i), b.code(i));
            assertEquals(a.freq(i), b.freq(i));
            assertEquals(a.position(i), b.position(i));
            assertEquals(i, b.indexOf(b.code(i)));
            assertTrue(b.forward(i).length + b.reverse(i).length >= b.freq(i), "copies before masking");
        }
    }
}
