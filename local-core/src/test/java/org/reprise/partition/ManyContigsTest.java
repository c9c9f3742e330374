package org.reprise.partition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.testing.Sequences;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 300,000 contigs, most of them short, some holding copies of two repeats: with the exact and the
 * partitioned strategy, every output names real contigs at real offsets (each BED element inside
 * its contig and on a repeat copy's bases, each .freq k-mer where it says, the masked genome with
 * every record, name and length kept).
 */
class ManyContigsTest {
    private static final int CONTIGS = 300_000;

    @TempDir
    Path dir;

    @Test
    void outputsNameTheRightContigsAndOffsets() throws IOException {
        Random rnd = new Random(11);
        String[] repeats = {Sequences.random(rnd, 400), Sequences.random(rnd, 250)};
        Path fa = dir.resolve("many.fa");
        Map<String, String> seqs = new HashMap<>();
        try (BufferedWriter w = Files.newBufferedWriter(fa)) {
            for (int c = 0; c < CONTIGS; c++) {
                String seq;
                if (c % 3_000 == 7) {
                    String r = Sequences.mutate(rnd, repeats[(c / 3_000) % 2], 8);
                    seq = Sequences.random(rnd, 50) + (rnd.nextBoolean() ? r : Sequences.revcomp(r)) + Sequences.random(rnd, 50);
                } else {
                    seq = Sequences.random(rnd, 20 + rnd.nextInt(30));
                }
                String name = "scaffold_" + c;
                seqs.put(name, seq);
                w.write(">" + name + " some description\n" + seq + "\n");
            }
        }
        for (List<String> strategy : List.of(List.of("--strategy", "exact"),
                List.of("--strategy", "partitioned", "--partition-size", "6M"))) {
            String prefix = dir.resolve(strategy.get(1)).toString();
            List<String> args = new java.util.ArrayList<>(List.of("-input", fa.toString(), "-output", prefix, "-q"));
            args.addAll(strategy);
            PartitionedDiscoveryTest.Run r = PartitionedDiscoveryTest.run(args.toArray(new String[0]));
            assertEquals(0, r.exit(), r.err());

            List<String> bed = Files.readAllLines(Path.of(prefix + ".bed"));
            assertTrue(bed.size() >= 50, strategy + ": only " + bed.size() + " elements");
            for (String line : bed) {
                String[] f = line.split("\t");
                String seq = seqs.get(f[0]);
                assertTrue(seq != null, "unknown contig in " + line);
                int start = Integer.parseInt(f[1]), end = Integer.parseInt(f[2]);
                assertTrue(0 <= start && start < end && end <= seq.length(), line + " leaves its contig of " + seq.length());
                assertTrue(start < 50 + 400 && end > 50, line + " is not on the contig's repeat copy");
            }
            int k = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Path.of(prefix + ".summary.json").toFile())
                    .get("k").asInt();
            List<String> freq = Files.readAllLines(Path.of(prefix + ".freq"));
            assertTrue(!freq.isEmpty());
            for (String line : freq.subList(0, Math.min(2_000, freq.size()))) {
                String[] f = line.split("\t");
                String seq = seqs.get(f[2]);
                int pos = Integer.parseInt(f[3]);
                assertEquals(f[0], seq.substring(pos, pos + k).toUpperCase(), line);
            }
            int records = 0;
            try (var lines = Files.lines(Path.of(prefix + ".masked"))) {
                String name = null;
                StringBuilder seq = new StringBuilder();
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.startsWith(">")) {
                        if (name != null) {
                            assertEquals(seqs.get(name).length(), seq.length(), name);
                        }
                        name = line.substring(1).split(" ")[0];
                        assertTrue(line.equals(">" + name + " some description"), line);
                        seq.setLength(0);
                        records++;
                    } else {
                        seq.append(line);
                    }
                }
                assertEquals(seqs.get(name).length(), seq.length(), name);
            }
            assertEquals(CONTIGS, records);
        }
    }
}
