package org.reprise.polish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.reprise.align.Dna;
import org.reprise.discover.Element;
import org.reprise.discover.Family;
import org.reprise.genome.BasesSource;
import org.reprise.genome.ContigDictionary;
import org.reprise.parallel.Workers;
import org.reprise.report.RepeatClass;

/**
 * A raw library as discovery reports an LTR retrotransposon and some noise, on a genome made
 * here: the LTR family (both LTRs of 8 full copies, 4 solo LTRs), the internal part (the 8 full
 * copies), a second internal family redundant with the first (3 more diverged copies of it), a
 * tandem consensus and a family of 2 elements.
 */
class LibraryPolisherTest {
    private static final int LTR = 300, INTERNAL = 2000, GAP = 7; // GAP: bases between LTR and internal part

    private final Random r = new Random(21);
    private final byte[] ltr = Seqs.random(r, LTR);
    private final byte[] internal = Seqs.random(r, INTERNAL);
    private final List<Element> ltrElements = new ArrayList<>();
    private final List<Element> internalElements = new ArrayList<>();
    private final List<Element> redundantElements = new ArrayList<>();
    private final List<long[]> fullCopies = new ArrayList<>(); // {start, end, reverse}
    private byte[] genome;

    private void build() {
        java.io.ByteArrayOutputStream g = new java.io.ByteArrayOutputStream();
        for (int copy = 0; copy < 15; copy++) {
            byte[] spacer = Seqs.random(r, 3000 + r.nextInt(2000));
            g.write(spacer, 0, spacer.length);
            long at = g.size();
            boolean reverse = copy % 3 == 1;
            byte[] piece;
            if (copy < 8) {
                byte[] gap1 = Seqs.random(r, GAP);
                byte[] gap2 = Seqs.random(r, GAP);
                piece = Seqs.concat(Seqs.mutate(r, ltr, 0.02), gap1, Seqs.mutate(r, internal, 0.02), gap2,
                        Seqs.mutate(r, ltr, 0.02));
                // discovery's elements, in genome coordinates and the strand of the copy
                long s1 = at, e1 = at + LTR, s2 = e1 + GAP, e2 = s2 + INTERNAL, s3 = e2 + GAP, e3 = s3 + LTR;
                ltrElements.add(new Element(0, s1, e1, reverse, 0));
                internalElements.add(new Element(0, s2, e2, reverse, 1));
                ltrElements.add(new Element(0, s3, e3, reverse, 0));
                fullCopies.add(new long[] {s1, e3, reverse ? 1 : 0});
            } else if (copy < 12) {
                piece = Seqs.mutate(r, ltr, 0.02);
                ltrElements.add(new Element(0, at, at + LTR, reverse, 0));
            } else {
                piece = Seqs.mutate(r, internal, 0.08);
                redundantElements.add(new Element(0, at, at + INTERNAL, reverse, 2));
            }
            // a reverse copy's elements are on the minus strand: the piece is written reverse-complemented,
            // which swaps its LTRs in place and keeps the element spans above (both LTRs have one length).
            if (reverse) {
                piece = Seqs.revComp(piece);
            }
            g.write(piece, 0, piece.length);
        }
        byte[] tail = Seqs.random(r, 3000);
        g.write(tail, 0, tail.length);
        genome = g.toByteArray();
    }

    private List<Family> rawLibrary() {
        build();
        List<Family> raw = new ArrayList<>();
        raw.add(new Family(0, "ACGT", 20, Dna.decode(ltr), ltrElements));
        raw.add(new Family(1, "ACGT", 8, Dna.decode(internal), internalElements));
        raw.add(new Family(2, "ACGT", 3, Dna.decode(Seqs.mutate(r, internal, 0.08)), redundantElements));
        raw.add(new Family(3, "ACGT", 5, Dna.decode(Seqs.tandem(r, Seqs.random(r, 40), 10, 0.0)),
                List.of(new Element(0, 10, 400, false, 3), new Element(0, 500, 900, false, 3), new Element(0, 1000, 1400, false, 3))));
        raw.add(new Family(4, "ACGT", 2, Dna.decode(Seqs.random(r, 500)),
                List.of(new Element(0, 100, 600, false, 4), new Element(0, 2000, 2500, false, 4))));
        return raw;
    }

    private PolishedLibrary polish(List<Family> raw, int threads) {
        ContigDictionary contigs = ContigDictionary.of("test", List.of("chr1"), new long[] {genome.length});
        BasesSource bases = (pos, dst, off, len) -> System.arraycopy(genome, (int) pos, dst, off, len);
        try (Workers w = new Workers(threads)) {
            return new LibraryPolisher(PolishParameters.DEFAULT).polish(raw, contigs, bases, w);
        }
    }

    @Test
    void joinsLtrAndInternalPartMergesTheRedundantOneAndDropsTheRest() {
        List<Family> raw = rawLibrary();
        PolishedLibrary lib = polish(raw, 2);
        assertEquals(1, lib.families().size(), lib.families().toString());
        PolishedFamily f = lib.families().get(0);
        assertEquals("rnd1_family-1", f.name());
        assertEquals(RepeatClass.LTR, f.repeatClass());
        assertEquals("rnd1_family-1#LTR/Unknown", f.header());
        // LTR + gap + internal + gap + LTR, the gaps' bases taken from a copy
        assertEquals(2 * LTR + INTERNAL + 2 * GAP, f.consensus().length());
        assertEquals(LTR, f.classification().terminalDirect(), 10);
        // every full copy one element; solo LTRs and the redundant family's copies stay elements
        assertEquals(8 + 4 + 3, f.elements().size());
        for (long[] c : fullCopies) {
            assertTrue(f.elements().stream().anyMatch(e -> e.start() == c[0] && e.end() == c[1] && e.isReverse() == (c[2] == 1)),
                    "full copy " + c[0] + "-" + c[1] + " as one element");
        }
        assertEquals(5, lib.steps().before().entries());
        assertEquals(1, lib.steps().after().entries());
        assertEquals(1, lib.steps().droppedTandem());
        assertEquals(1, lib.steps().droppedTooFewCopies());
        assertEquals(0, lib.steps().droppedLowComplexity());
        assertEquals(1, lib.steps().clustersMerged(), "internal parts merged");
        assertEquals(2, lib.steps().fragmentsJoined(), "LTR -> internal, internal -> LTR");
        assertEquals(3, f.rawFamilies(), "made of the LTR, internal and redundant families");
    }

    @Test
    void sameOutputForAnyThreadCount() throws IOException {
        List<Family> raw = rawLibrary();
        String one = text(polish(raw, 1));
        assertEquals(one, text(polish(raw, 3)));
    }

    private String text(PolishedLibrary lib) throws IOException {
        StringWriter w = new StringWriter();
        LibraryPolishing.writeLibrary(lib.families(), w);
        LibraryPolishing.writeElements(lib.families(),
                ContigDictionary.of("test", List.of("chr1"), new long[] {genome.length}), w);
        return w.toString();
    }

    /**
     * RepeatMasker's documented form of a custom library's IDs (RepeatMasker's help for -lib):
     * {@code >repeatname#class/subclass} or simply {@code >repeatname#class}, the classes its
     * summary table knows being SINE, LINE, LTR, DNA, Satellite, Simple_repeat, *RNA*, Other and
     * Unknown. The name carries no '#', '/' or white space.
     */
    static final Pattern REPEATMASKER_ID = Pattern.compile(
            "^>[^\\s#/]+#(SINE|LINE|LTR|DNA|Satellite|Simple_repeat|[A-Za-z_]*RNA[A-Za-z_]*|Other|Unknown)(/[^\\s/#]+)?$");

    @Test
    void headersFollowRepeatMaskersGrammar() throws IOException {
        List<PolishedFamily> fams = new ArrayList<>();
        for (RepeatClass c : RepeatClass.values()) {
            fams.add(new PolishedFamily("rnd1_family-" + (c.ordinal() + 1),
                    new Classification(c, false, 0, 0, 0, 0, 0, false), "ACGT".repeat(40), List.of(), 0, 1, "", 0));
        }
        StringWriter w = new StringWriter();
        LibraryPolishing.writeLibrary(fams, w);
        int headers = 0;
        for (String line : w.toString().split("\n")) {
            if (line.startsWith(">")) {
                headers++;
                assertTrue(REPEATMASKER_ID.matcher(line).matches(), line);
            } else {
                assertTrue(line.matches("[ACGTN]{1,60}"), line);
            }
        }
        assertEquals(RepeatClass.values().length, headers);
        assertTrue(w.toString().contains(">rnd1_family-1#LTR/Unknown\n"));
        // the pattern itself rejects what RepeatMasker would not parse as name#class
        for (String bad : new String[] {">rnd1 family#LTR", ">rnd1#LTR/Unknown extra", ">rnd1", ">rnd1#Transposon", ">a/b#DNA"}) {
            assertTrue(!REPEATMASKER_ID.matcher(bad).matches(), bad);
        }
    }
}
