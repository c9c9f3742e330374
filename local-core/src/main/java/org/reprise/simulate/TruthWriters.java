package org.reprise.simulate;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * The truth files of a simulated genome: the planted pieces (BED), the families' consensi
 * (a RepeatMasker-style library) and one line of facts per family (TSV).
 */
public final class TruthWriters {
    /** Column names of {@link #writeTsv}. */
    public static final String TSV_HEADER = "name\tclass\tconsensus_length\tcopies\tbases\tmean_divergence"
            + "\tfamily_divergence\tltr_length\ttir_length\ttsd_min\ttsd_max\tpolya_length\tsolo_ltr\ttruncated5"
            + "\tnested\tcontig_cut";

    private TruthWriters() {
    }

    /**
     * Writes one line per truth piece, sorted by contig (file order) then start, tab-separated:
     * {@code contig start end name score strand class copy attributes}; 0-based, half-open.
     * {@code score} is the copy's divergence in events per thousand source bases (at most 1000);
     * {@code copy} its id (the pieces of a copy split by nested insertions share it);
     * {@code attributes} is {@code .} or {@code key=value} items joined by {@code ;}:
     * {@code cons=A-B} the consensus interval an interspersed copy derives from (forward strand);
     * {@code part=A-B} the piece's bases within the copy as planted (genome orientation), when the
     * piece is not the whole copy; {@code piece=i/n}; {@code tsd=N} (the N bases before the copy's
     * first piece equal the N after its last one); {@code solo_ltr}; {@code truncated5};
     * {@code nested_in=ID}; {@code cut=contig_start} or {@code cut=contig_end}.
     *
     * @param plan the genome
     * @param w    where the BED goes (not closed)
     * @throws IOException if writing fails
     */
    public static void writeBed(GenomePlan plan, Writer w) throws IOException {
        List<RepeatFamily> families = plan.families();
        StringBuilder line = new StringBuilder(160);
        for (TruthPiece piece : plan.pieces()) {
            PlantedCopy copy = plan.copy(piece.copy());
            RepeatFamily f = families.get(copy.family());
            line.setLength(0);
            line.append(plan.contigName(piece.contig())).append('\t').append(piece.start()).append('\t')
                    .append(piece.end()).append('\t').append(f.name()).append('\t')
                    .append(Math.min(1000, Math.round(1000 * copy.divergence()))).append('\t').append(copy.strand())
                    .append('\t').append(f.repeatClass().label()).append('\t').append(copy.id()).append('\t');
            int mark = line.length();
            if (f.repeatClass().interspersed()) {
                item(line, mark, "cons=" + copy.sourceFrom() + "-" + copy.sourceTo());
            }
            if (piece.length() != copy.length()) {
                item(line, mark, "part=" + piece.copyFrom() + "-" + (piece.copyFrom() + piece.length()));
            }
            if (piece.count() > 1) {
                item(line, mark, "piece=" + piece.index() + "/" + piece.count());
            }
            if (copy.tsd() > 0) {
                item(line, mark, "tsd=" + copy.tsd());
            }
            if (copy.soloLtr()) {
                item(line, mark, "solo_ltr");
            }
            if (copy.truncated5()) {
                item(line, mark, "truncated5");
            }
            if (copy.host() > 0) {
                item(line, mark, "nested_in=" + copy.host());
            }
            if (copy.cut() != PlantedCopy.ContigEnd.NONE) {
                item(line, mark, copy.cut() == PlantedCopy.ContigEnd.CONTIG_START ? "cut=contig_start" : "cut=contig_end");
            }
            if (line.length() == mark) {
                line.append('.');
            }
            line.append('\n');
            w.append(line);
        }
    }

    private static void item(StringBuilder line, int mark, String item) {
        if (line.length() > mark) {
            line.append(';');
        }
        line.append(item);
    }

    /**
     * Writes the true consensus of every interspersed family and satellite as FASTA, header
     * {@code >name#Class/Family} (RepeatMasker's library form), then, for each LTR family, its
     * LTR alone as {@code >name_LTR#LTR/Unknown} (solo LTRs and the ends of full copies match it).
     * Low-complexity kinds have no entry.
     *
     * @param plan the genome
     * @param w    where the library goes (not closed)
     * @throws IOException if writing fails
     */
    public static void writeFamilies(GenomePlan plan, Writer w) throws IOException {
        int width = plan.parameters().fastaLine();
        for (RepeatFamily f : plan.families()) {
            if (f.repeatClass() == RepeatClass.LOW_COMPLEXITY) {
                continue;
            }
            String s = f.consensusString();
            entry(w, f.libraryHeader(), s, width);
            if (f.repeatClass() == RepeatClass.LTR) {
                entry(w, f.name() + "_LTR#" + RepeatClass.LTR.libraryTag(), s.substring(0, f.ltrLength()), width);
            }
        }
    }

    private static void entry(Writer w, String header, String s, int width) throws IOException {
        w.write(">" + header + "\n");
        for (int i = 0; i < s.length(); i += width) {
            w.write(s, i, Math.min(width, s.length() - i));
            w.write('\n');
        }
    }

    /**
     * Writes {@link #TSV_HEADER} then one line per family (interspersed, satellites,
     * low-complexity kinds): consensus length (0 for {@code AT_rich}); copies planted (pieces of a
     * split copy count once; a satellite family has one array); bases of the genome in its pieces;
     * mean divergence of its copies (events per source base, 4 decimals, NA without copies); the
     * family's own divergence (its age); LTR, TIR and poly-A lengths (0: none); the range of its
     * TSD lengths; and how many copies are solo LTRs, 5'-truncated, nested in another copy, cut by
     * a contig end.
     *
     * @param plan the genome
     * @param w    where the table goes (not closed)
     * @throws IOException if writing fails
     */
    public static void writeTsv(GenomePlan plan, Writer w) throws IOException {
        int n = plan.families().size();
        int[] copies = new int[n];
        int[] solo = new int[n];
        int[] truncated = new int[n];
        int[] nested = new int[n];
        int[] cut = new int[n];
        double[] divergence = new double[n];
        long[] bases = new long[n];
        for (PlantedCopy c : plan.copies()) {
            int f = c.family();
            copies[f]++;
            divergence[f] += c.divergence();
            solo[f] += c.soloLtr() ? 1 : 0;
            truncated[f] += c.truncated5() ? 1 : 0;
            nested[f] += c.host() > 0 ? 1 : 0;
            cut[f] += c.cut() != PlantedCopy.ContigEnd.NONE ? 1 : 0;
        }
        for (TruthPiece piece : plan.pieces()) {
            bases[plan.copy(piece.copy()).family()] += piece.length();
        }
        w.write(TSV_HEADER + "\n");
        for (int f = 0; f < n; f++) {
            RepeatFamily fam = plan.families().get(f);
            String mean = copies[f] == 0 ? "NA" : String.format(Locale.ROOT, "%.4f", divergence[f] / copies[f]);
            w.write(String.join("\t", fam.name(), fam.repeatClass().label(), Integer.toString(fam.length()),
                    Integer.toString(copies[f]), Long.toString(bases[f]), mean,
                    String.format(Locale.ROOT, "%.4f", fam.divergence()), Integer.toString(fam.ltrLength()),
                    Integer.toString(fam.tirLength()), Integer.toString(fam.tsdMin()), Integer.toString(fam.tsdMax()),
                    Integer.toString(fam.polyALength()), Integer.toString(solo[f]), Integer.toString(truncated[f]),
                    Integer.toString(nested[f]), Integer.toString(cut[f])));
            w.write('\n');
        }
    }
}
