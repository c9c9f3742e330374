package org.reprise.polish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reprise.discover.Element;
import org.reprise.genome.BasesSource;
import org.reprise.genome.ContigDictionary;

class CopyDivergenceTest {
    private final Random r = new Random(5);
    private final byte[] consensus = Seqs.random(r, 1000);

    /** A genome of random sequence with the given copies at 2000-base steps from 1000, and a contig dictionary of one contig. */
    private record Planted(byte[] genome, List<Element> elements) {
        CopyDivergence sampler() {
            ContigDictionary contigs = ContigDictionary.of("test", List.of("chr1"), new long[] {genome.length});
            BasesSource bases = (pos, dst, off, len) -> System.arraycopy(genome, (int) pos, dst, off, len);
            return new CopyDivergence(contigs, bases);
        }
    }

    private Planted plant(List<byte[]> copies, List<Boolean> reverse) {
        byte[] genome = Seqs.random(r, 2000 * copies.size() + 2000);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < copies.size(); i++) {
            byte[] c = reverse.get(i) ? Seqs.revComp(copies.get(i)) : copies.get(i);
            int at = 1000 + 2000 * i;
            System.arraycopy(c, 0, genome, at, c.length);
            elements.add(new Element(0, at, at + c.length, reverse.get(i), 0));
        }
        return new Planted(genome, elements);
    }

    @Test
    void aCopyWithOneBaseInTenChangedIsAboutTenPercentDivergentOnEitherStrand() {
        byte[] copy = Seqs.mutate(r, consensus, 0.10);
        Planted p = plant(List.of(consensus, copy, copy), List.of(false, false, true));
        double[] d = p.sampler().sample(consensus, p.elements(), 10);
        assertEquals(3, d.length);
        assertEquals(0.0, d[0], 1e-9, "the consensus itself");
        assertTrue(d[1] > 0.06 && d[1] < 0.12, "10% substitutions: " + d[1]);
        assertEquals(d[1], d[2], 1e-9, "the same copy on the minus strand, read in the consensus' orientation");
    }

    @Test
    void aFamilyOfManyCopiesIsSampledEvenlyAndTheSameWay() {
        List<byte[]> copies = new ArrayList<>();
        List<Boolean> strands = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            // copy i has i / 4 percent of its bases changed: the sample's values rise with its order
            copies.add(Seqs.mutate(new Random(i), consensus, i / 400.0));
            strands.add(i % 2 == 1);
        }
        Planted p = plant(copies, strands);
        double[] d = p.sampler().sample(consensus, p.elements(), 50);
        assertEquals(50, d.length);
        assertEquals(0.0, d[0], 1e-9, "the first copy is always in the sample");
        assertTrue(d[49] > 0.2, "the last sampled copy (copy 117, ~29% changed): " + d[49]);
        assertArrayEquals(d, p.sampler().sample(consensus, p.elements(), 50), "deterministic");
    }

    @Test
    void aCopyThatDoesNotAlignGivesNoValue() {
        byte[] ns = Seqs.repeat(org.reprise.genome.BaseCode.INVALID, 1000);
        Planted p = plant(List.of(consensus, ns), List.of(false, false));
        assertEquals(1, p.sampler().sample(consensus, p.elements(), 10).length);
        assertThrows(IllegalArgumentException.class, () -> p.sampler().sample(consensus, p.elements(), 0));
    }
}
