import java.io.BufferedReader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reprise.discover.Element;
import org.reprise.discover.Family;
import org.reprise.genome.ContigDictionary;
import org.reprise.genome.FastaGenomeReader;
import org.reprise.genome.Genome;
import org.reprise.polish.LibraryPolishing;
import org.reprise.polish.PolishParameters;
import org.reprise.polish.PolishedLibrary;

/**
 * Polishes a finished run again, from its files: the genome, PREFIX.reprof and PREFIX.bed (the
 * raw library and its elements), writing OUT.lib.fa and OUT.lib.bed and printing the polishing's
 * seconds. For trying polishing's settings without running discovery again.
 * Usage: java -cp JAR bench/polish/Repolish.java GENOME.fa PREFIX OUT [THREADS] [MIN_COPIES]
 */
public class Repolish {
    public static void main(String[] args) throws Exception {
        Genome genome = FastaGenomeReader.read(Path.of(args[0]));
        String prefix = args[1];
        String out = args[2];
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int minCopies = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        ContigDictionary d = genome.dictionary();
        Map<Integer, List<Element>> elements = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(prefix + ".bed"))) {
            String[] f = line.split("\t");
            int n = Integer.parseInt(f[3].substring(2));
            elements.computeIfAbsent(n, x -> new ArrayList<>()).add(new Element(d.indexOf(f[0]),
                    Long.parseLong(f[1]), Long.parseLong(f[2]), f[5].equals("-"), n));
        }
        List<Family> families = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(Path.of(prefix + ".reprof"))) {
            String header = null;
            StringBuilder seq = new StringBuilder();
            for (String line = r.readLine(); ; line = r.readLine()) {
                if (line == null || line.startsWith(">")) {
                    if (header != null) {
                        String[] f = header.substring(1).split(", ");
                        int n = Integer.parseInt(f[0].substring(2));
                        int seedFreq = Integer.parseInt(f[1].substring("seedfreq=".length()));
                        String seed = f[4].substring("Seed=".length());
                        families.add(new Family(n, seed, seedFreq, seq.toString(), elements.getOrDefault(n, List.of())));
                    }
                    if (line == null) {
                        break;
                    }
                    header = line;
                    seq.setLength(0);
                } else {
                    seq.append(line.trim());
                }
            }
        }
        org.reprise.io.OutputFiles files = new org.reprise.io.OutputFiles(out);
        PolishedLibrary lib = LibraryPolishing.polishAndWrite(families, d, (pos, dst, off, len) -> {
            int c = d.contigIndexAt(pos);
            System.arraycopy(genome.codes(c), (int) (pos - d.contigStart(c)), dst, off, len);
        }, PolishParameters.DEFAULT.withMinCopies(minCopies), threads, files);
        files.commit();
        files.close();
        System.out.printf("%d raw -> %d polished in %.2f s; %s%n", families.size(), lib.families().size(), lib.seconds(),
                LibraryPolishing.summary(lib));
    }
}
