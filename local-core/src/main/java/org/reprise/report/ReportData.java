package org.reprise.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a run report shows: the run, the masking of every contig, the families of the final
 * library, what polishing did (when the run polished) and free-form notes (the run's warnings).
 * Immutable; build with {@link #builder()}.
 *
 * <p>Invariants, checked by {@link Builder#build()}: the contigs are as many as the genome size
 * says and their lengths add up to its bases; contig names and family names are unique; the
 * library after polishing has as many entries as there are families.
 */
public final class ReportData {
    private final RunInfo run;
    private final List<ContigMasking> contigs;
    private final List<FamilySummary> families;
    private final Polishing polishing;
    private final List<String> notes;
    private final long maskedBases;
    private final long elements;

    private ReportData(Builder b) {
        run = b.run;
        contigs = List.copyOf(b.contigs);
        families = List.copyOf(b.families);
        polishing = b.polishing;
        notes = List.copyOf(b.notes);
        long masked = 0;
        for (ContigMasking c : contigs) {
            masked += c.maskedBases();
        }
        long copies = 0;
        for (FamilySummary f : families) {
            copies += f.copies();
        }
        maskedBases = masked;
        elements = copies;
    }

    public static Builder builder() {
        return new Builder();
    }

    public RunInfo run() {
        return run;
    }

    /** @return every contig, in input order */
    public List<ContigMasking> contigs() {
        return contigs;
    }

    /** @return the families of the final library, in library order */
    public List<FamilySummary> families() {
        return families;
    }

    /** @return what polishing did, empty when the run did not polish */
    public Optional<Polishing> polishing() {
        return Optional.ofNullable(polishing);
    }

    /** @return the run's warnings and remarks, one string each, in order */
    public List<String> notes() {
        return notes;
    }

    /** @return bases masked over all contigs */
    public long maskedBases() {
        return maskedBases;
    }

    /** @return copies over all families */
    public long elements() {
        return elements;
    }

    /** Collects the parts of a {@link ReportData}; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {
        private RunInfo run;
        private final List<ContigMasking> contigs = new ArrayList<>();
        private final List<FamilySummary> families = new ArrayList<>();
        private Polishing polishing;
        private final List<String> notes = new ArrayList<>();

        private Builder() {
        }

        public Builder run(RunInfo v) {
            run = v;
            return this;
        }

        /** Adds a contig after those already given (input order). */
        public Builder contig(ContigMasking c) {
            contigs.add(Objects.requireNonNull(c, "contig"));
            return this;
        }

        /** Adds contigs after those already given (input order). */
        public Builder contigs(Collection<ContigMasking> cs) {
            for (ContigMasking c : cs) {
                contig(c);
            }
            return this;
        }

        /** Adds a family after those already given (library order). */
        public Builder family(FamilySummary f) {
            families.add(Objects.requireNonNull(f, "family"));
            return this;
        }

        /** Adds families after those already given (library order). */
        public Builder families(Collection<FamilySummary> fs) {
            for (FamilySummary f : fs) {
                family(f);
            }
            return this;
        }

        /** @param v what polishing did; leave unset for a run without polishing */
        public Builder polishing(Polishing v) {
            polishing = v;
            return this;
        }

        /** Adds one note (a warning of the run) after those already given. */
        public Builder note(String v) {
            notes.add(Objects.requireNonNull(v, "note"));
            return this;
        }

        /**
         * @return the report data
         * @throws NullPointerException     if the run is missing
         * @throws IllegalArgumentException if an invariant of {@link ReportData} does not hold
         */
        public ReportData build() {
            Objects.requireNonNull(run, "run");
            GenomeSize g = run.genome();
            if (contigs.size() != g.contigs()) {
                throw new IllegalArgumentException(contigs.size() + " contigs given for a genome of "
                        + g.contigs() + " contigs");
            }
            long bases = 0;
            Set<String> names = new HashSet<>();
            for (ContigMasking c : contigs) {
                bases += c.length();
                if (!names.add(c.name())) {
                    throw new IllegalArgumentException("contig name given twice: " + c.name());
                }
            }
            if (bases != g.bases()) {
                throw new IllegalArgumentException("contig lengths sum to " + bases + ", not to the genome's "
                        + g.bases() + " bases");
            }
            names.clear();
            for (FamilySummary f : families) {
                if (!names.add(f.name())) {
                    throw new IllegalArgumentException("family name given twice: " + f.name());
                }
            }
            if (polishing != null && polishing.after().entries() != families.size()) {
                throw new IllegalArgumentException("library after polishing has " + polishing.after().entries()
                        + " entries, but " + families.size() + " families were given");
            }
            return new ReportData(this);
        }
    }
}
