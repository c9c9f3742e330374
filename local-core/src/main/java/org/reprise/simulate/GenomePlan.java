package org.reprise.simulate;

import java.util.List;

/**
 * A simulated genome before any base is written: its contigs, families, planted copies and truth
 * pieces, with exact {@code long} coordinates. Made by {@link SimulationPlanner#plan}; the genome's
 * bases are made from it, as a stream, by {@link GenomeWriter}. Its memory grows with the number
 * of copies, not with the genome's length. Immutable.
 */
public final class GenomePlan {
    private final SimulationParameters parameters;
    private final List<ContigPlan> contigs;
    private final List<RepeatFamily> families;
    private final List<PlantedCopy> copies;
    private final List<TruthPiece> pieces;
    private final List<String> notes;

    GenomePlan(SimulationParameters parameters, List<ContigPlan> contigs, List<RepeatFamily> families,
            List<PlantedCopy> copies, List<TruthPiece> pieces, List<String> notes) {
        this.parameters = parameters;
        this.contigs = List.copyOf(contigs);
        this.families = List.copyOf(families);
        this.copies = List.copyOf(copies);
        this.pieces = List.copyOf(pieces);
        this.notes = List.copyOf(notes);
    }

    /** @return the parameters it was planned from. */
    public SimulationParameters parameters() {
        return parameters;
    }

    /** @return the number of contigs. */
    public int contigCount() {
        return contigs.size();
    }

    /** @return contig {@code c}'s name ({@code chr1}, {@code chr2}, ...). */
    public String contigName(int c) {
        return contigs.get(c).name();
    }

    /** @return contig {@code c}'s length in bases. */
    public long contigLength(int c) {
        return contigs.get(c).length();
    }

    /** @return the genome's length in bases. */
    public long length() {
        long sum = 0;
        for (ContigPlan c : contigs) {
            sum += c.length();
        }
        return sum;
    }

    /** @return every family: interspersed ones, then satellites, then low-complexity kinds. */
    public List<RepeatFamily> families() {
        return families;
    }

    /** @return every planted copy; copy {@code id} is at index {@code id - 1}. */
    public List<PlantedCopy> copies() {
        return copies;
    }

    /** @return copy {@code id}. */
    public PlantedCopy copy(int id) {
        return copies.get(id - 1);
    }

    /** @return the truth pieces, sorted by contig (file order), then start; they never overlap. */
    public List<TruthPiece> pieces() {
        return pieces;
    }

    /** @return what the planner changed to make the request fit (scaled copy numbers, dropped pieces). */
    public List<String> notes() {
        return notes;
    }

    ContigPlan contig(int c) {
        return contigs.get(c);
    }
}
