package org.reprise.discover;

import org.junit.jupiter.api.Test;
import org.reprise.genome.FastaGenomeReader;
import org.reprise.genome.Genome;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** REPrise's own test case (test/tst.fa of hmdlab/REPrise, MIT), run as its README says: -dist 1 -tandemdist 10. */
class RepriseTestCaseTest {

    private static Genome tst() throws IOException {
        try (InputStream in = RepriseTestCaseTest.class.getResourceAsStream("/reprise/tst.fa")) {
            return FastaGenomeReader.parse(in, "tst.fa");
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RepriseTestCaseTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void givesExactlyREPrisesConsensus() throws IOException {
        Parameters p = Parameters.builder().dist(1).tandemDist(10).build();
        DiscoveryResult r = Discovery.run(tst(), p, null);
        assertEquals(12, r.k());
        assertEquals(">R=0, seedfreq=11, elementfreq=9, length=50, Seed=TCGTTATAGAAA\n"
                + "AGAAATATCTGCACGTTCGTTATAGAAAGTAGCCCCGTCGGACAAGACTG\n", ReferenceFiles.reprof(r));
    }

    @Test
    void seedTableMatchesREPrisesWithPositionsOnContigs() throws IOException {
        Genome genome = tst();
        DiscoveryResult r = Discovery.run(genome, Parameters.builder().dist(1).tandemDist(10).build(), null);
        // REPrise writes offsets into its buffer: 11,000 separator bases before the first contig and
        // before each contig. Map them to contig and position to compare.
        List<String> expected = new ArrayList<>();
        for (String line : resource("/reprise/tst.dist1.tandemdist10.freq").split("\n")) {
            String[] f = line.split("\t");
            long buffer = Long.parseLong(f[2]);
            long offset = 11_000;
            String where = null;
            for (var c : genome.contigs()) {
                offset += 11_000;
                if (buffer >= offset && buffer < offset + c.length()) {
                    where = c.name() + "\t" + (buffer - offset);
                }
                offset += c.length();
            }
            expected.add(f[0] + "\t" + f[1] + "\t" + where);
        }
        assertEquals(String.join("\n", expected) + "\n", ReferenceFiles.freq(r));
    }
}
