package org.reprise.discover;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reprise.cli.RepriseCli;
import org.reprise.genome.Genome;
import org.reprise.index.HammingOneTable;
import org.reprise.index.KmerCodec;
import org.reprise.index.KmerIndex;
import org.reprise.params.Parameters;
import org.reprise.parallel.Workers;
import org.reprise.seeds.SeedCandidates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fidelity to REPrise 1.0.1 beyond the defaults: for every reference run (yeast chrI+chrII with
 * defaults, -dist 1 and twelve other parameter sets; REPrise's test case with -dist 1, 2 and 3),
 * the command line, given REPrise's own arguments, writes
 * <ul>
 *   <li>{@code .reprof} byte for byte as REPrise;</li>
 *   <li>{@code .bed} as REPrise's with its inclusive end made exclusive;</li>
 *   <li>{@code .freq} as REPrise's line by line, in order, positions included (mapped from its
 *       buffer offsets to contig and position), plus exactly the seeds REPrise leaves out on
 *       purpose: its pre-masking pass works in blocks of 1,000 candidates and drops the last partial
 *       block (n mod 1,000 candidates when there are at least 1,000), where we process every
 *       candidate. Those candidates come last in rank order, so they cannot change any earlier
 *       seed; what is added is exactly the seeds among them.</li>
 * </ul>
 */
class RepriseReferenceTest {
    @TempDir
    Path dir;

    static List<ReferenceCase> cases() {
        return ReferenceCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputsEqualREPrises(ReferenceCase c) throws IOException {
        String prefix = dir.resolve(c.name()).toString();
        List<String> args = new ArrayList<>(List.of("-input", c.input(dir).toString(), "-output", prefix,
                "--threads", "2", "--quiet"));
        args.addAll(Arrays.asList(c.args()));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = RepriseCli.execute(args.toArray(new String[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));
        assertEquals(0, exit, err.toString());

        String reprof = Files.readString(Path.of(prefix + ".reprof"));
        assertTrue(reprof.startsWith(">R=0,"), c + ": no family at all is no test");
        assertEquals(ReferenceFiles.text(c.file(".reprof")), reprof, c + ".reprof");
        if (ReferenceFiles.exists(c.file(".bed"))) {
            assertEquals(ReferenceFiles.repriseBedAsHalfOpen(ReferenceFiles.text(c.file(".bed"))),
                    Files.readString(Path.of(prefix + ".bed")), c + ".bed");
        }

        Genome genome = c.genome();
        String[] theirs = ReferenceFiles.repriseFreqOnContigs(ReferenceFiles.text(c.file(".freq")), genome.dictionary());
        Set<String> lastBlock = lastPartialBlock(genome, c.parameters());
        List<String> ours = new ArrayList<>();
        int added = 0;
        for (String line : Files.readString(Path.of(prefix + ".freq")).split("\n")) {
            if (lastBlock.contains(line.substring(0, line.indexOf('\t')))) {
                added++;
            } else {
                ours.add(line);
            }
        }
        assertEquals(String.join("\n", theirs), String.join("\n", ours), c + ".freq without the last partial block");
        assertTrue(added <= lastBlock.size());
    }

    /**
     * The k-mers of the candidates REPrise's pre-masking never reaches: with n ranked candidates
     * and n >= 1,000, the last n mod 1,000 (REPrise run with -pa 1, blocks of 1,000).
     */
    static Set<String> lastPartialBlock(Genome genome, Parameters p) {
        int k = p.kFor(genome.dictionary());
        try (Workers workers = new Workers(1)) {
            KmerIndex index = KmerIndex.build(genome, k);
            HammingOneTable table = p.dist == 1 ? HammingOneTable.build(index, p.minFreq) : null;
            SeedCandidates.Ranked ranked = SeedCandidates.rank(index, p, table, workers);
            int n = ranked.size();
            int block = Math.min(n, 1000);
            KmerCodec codec = index.codec();
            Set<String> kmers = new HashSet<>();
            for (int i = n / block * block; i < n; i++) {
                kmers.add(codec.decode(index.kmer(ranked.kmer(i))));
            }
            return kmers;
        }
    }
}
