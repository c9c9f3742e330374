package org.reprise.batch;

import java.util.Locale;
import java.util.Objects;

/**
 * Where one genome of a batch stands, as the report shows it: its id and resolved input, its
 * status, its figures when it has an output (families, elements, masked fraction of the genome,
 * wall seconds of the run that made it; null otherwise), why it ran or was skipped, and for a
 * failure the one-line error.
 */
public record GenomeResult(String genomeId, String input, Status status, Long families, Long elements,
                           Double maskedFraction, Double wallSeconds, String reason, String error) {
    /** A genome's state in a batch. */
    public enum Status {
        /** Not reached yet (or the batch was stopped before it). */
        PENDING,
        /** Being run now. */
        RUNNING,
        /** Its output was complete and current: not run again. */
        SKIPPED,
        /** Run now, output committed. */
        DONE,
        /** Run now and failed; its previous output, if any, is as it was. */
        FAILED;

        /** The word in reports: "pending", "skipped", ... */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public GenomeResult {
        Objects.requireNonNull(genomeId, "genomeId");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : oneLine(reason);
        error = error == null ? "" : oneLine(error);
    }

    /** A genome not run yet, with why it will run. */
    public static GenomeResult pending(String id, String input, String reason) {
        return new GenomeResult(id, input, Status.PENDING, null, null, null, null, reason, null);
    }

    /** The same genome with another status, reason kept, figures and error given. */
    public GenomeResult with(Status s, Long families, Long elements, Double maskedFraction, Double wallSeconds, String error) {
        return new GenomeResult(genomeId, input, s, families, elements, maskedFraction, wallSeconds, reason, error);
    }

    /** Tabs, line ends and runs of white space as single spaces, so a message stays one TSV cell. */
    static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
