package org.reprise.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.reprise.align.Alignment;
import org.reprise.align.PairwiseAligner;
import org.reprise.align.Scoring;
import org.reprise.align.Seeding;
import org.reprise.align.SequenceIndex;
import org.reprise.library.LibraryEntry;
import org.reprise.parallel.Workers;

/**
 * Family-level evaluation of a repeat library against known true families, as in the
 * RepeatModeler2 paper: for each true family, whether one library consensus recovers it
 * (perfect, good), several do together (present), or none does (missed); for the library, its
 * false entries and, where both sides carry classes, how many entries that match a family have
 * its class. The categories are defined in {@link FamilyStatus} and {@link FamilyReport.Totals}.
 *
 * <p>Alignments: the library is held in a {@link SequenceIndex}; each true family is aligned
 * (banded local alignment, {@link PairwiseAligner}, the entry as A, the family as B) to each
 * entry sharing seeds with it on either strand, keeping the best-scoring alignment of each pair.
 * Every status and count is computed from these pair alignments. An alignment counts towards
 * "present" only if it has at least {@value #MIN_PRESENT_COLUMNS} columns (or all of the
 * shorter sequence, if that is shorter): a chance local alignment of a dozen bases at high
 * identity is no evidence that an entry holds part of a family.
 */
public final class FamilyEvaluator {
    static final double PERFECT = 0.95, GOOD = 0.80, PRESENT_IDENTITY = 0.80, PRESENT_COVERAGE = 0.80;
    static final double MATCH_IDENTITY = 0.80, MATCH_ENTRY_COVERAGE = 0.50;
    static final int MIN_PRESENT_COLUMNS = 50;

    private final Scoring scoring;
    private final Seeding seeding;

    /** blastn's scores and the default seed step. */
    public FamilyEvaluator() {
        this(Scoring.BLASTN, Seeding.DEFAULT);
    }

    public FamilyEvaluator(Scoring scoring, Seeding seeding) {
        if (scoring == null || seeding == null) {
            throw new IllegalArgumentException("scoring and seeding must not be null");
        }
        this.scoring = scoring;
        this.seeding = seeding;
    }

    /**
     * Evaluates a library.
     *
     * @param trueFamilies the true family consensi, each with at least one base
     * @param library      the library's consensi
     * @param workers      the threads to use; the report does not depend on their number
     * @throws IllegalArgumentException if a true family is empty, or on a null
     */
    public FamilyReport evaluate(List<LibraryEntry> trueFamilies, List<LibraryEntry> library, Workers workers) {
        if (trueFamilies == null || library == null || workers == null) {
            throw new IllegalArgumentException("families, library and workers must not be null");
        }
        for (LibraryEntry f : trueFamilies) {
            if (f.length() == 0) {
                throw new IllegalArgumentException("true family " + f.name() + " has no sequence");
            }
        }
        SequenceIndex index = new SequenceIndex(seeding, scoring);
        for (LibraryEntry e : library) {
            index.add(e.codes());
        }
        ConcurrentLinkedQueue<Matcher> pool = new ConcurrentLinkedQueue<>();
        List<Hit[]> hits = workers.map(trueFamilies.size(), f -> {
            Matcher m = pool.poll();
            if (m == null) {
                m = new Matcher(index);
            }
            try {
                return m.hits(trueFamilies.get(f).codes());
            } finally {
                pool.offer(m);
            }
        });

        List<FamilyReport.Row> rows = new ArrayList<>();
        int[] byStatus = new int[FamilyStatus.values().length];
        // per library entry: the family it matches best (most matches, then first), or -1
        int[] bestFamily = new int[library.size()];
        int[] bestMatches = new int[library.size()];
        Arrays.fill(bestFamily, -1);
        for (int f = 0; f < trueFamilies.size(); f++) {
            LibraryEntry family = trueFamilies.get(f);
            Hit best = null;
            for (Hit h : hits.get(f)) {
                if (best == null || better(h, best)) {
                    best = h;
                }
                Alignment a = h.alignment;
                if (a.identity() >= MATCH_IDENTITY && a.coverageA() >= MATCH_ENTRY_COVERAGE
                        && (bestFamily[h.entry] < 0 || a.matches() > bestMatches[h.entry])) {
                    bestFamily[h.entry] = f;
                    bestMatches[h.entry] = a.matches();
                }
            }
            FamilyStatus status = status(family.length(), hits.get(f));
            byStatus[status.ordinal()]++;
            rows.add(new FamilyReport.Row(family.name(), family.classification(), family.length(), status,
                    best == null ? null : library.get(best.entry).name(),
                    best == null ? Double.NaN : best.alignment.identity(),
                    best == null ? Double.NaN : best.alignment.coverageB()));
        }
        int falseEntries = 0, correct = 0, wrong = 0, unclassified = 0;
        for (int e = 0; e < library.size(); e++) {
            if (bestFamily[e] < 0) {
                falseEntries++;
                continue;
            }
            LibraryEntry family = trueFamilies.get(bestFamily[e]);
            if (family.isUnclassified()) {
                continue; // nothing to compare the entry's class with
            }
            LibraryEntry entry = library.get(e);
            if (entry.isUnclassified()) {
                unclassified++;
            } else if (entry.repeatClass().toLowerCase(Locale.ROOT).equals(family.repeatClass().toLowerCase(Locale.ROOT))) {
                correct++;
            } else {
                wrong++;
            }
        }
        FamilyReport.Totals totals = new FamilyReport.Totals(byStatus[0], byStatus[1], byStatus[2], byStatus[3],
                library.size(), falseEntries, correct, wrong, unclassified);
        return new FamilyReport(rows, totals);
    }

    /** The status of a family of the given length from its hits. */
    static FamilyStatus status(int length, Hit[] hits) {
        for (Hit h : hits) {
            if (level(h) == 2) {
                return FamilyStatus.PERFECT;
            }
        }
        for (Hit h : hits) {
            if (level(h) == 1) {
                return FamilyStatus.GOOD;
            }
        }
        // the union of the spans, on the family, of the alignments at >= 80% identity
        long[] spans = new long[hits.length];
        int n = 0;
        for (Hit h : hits) {
            Alignment a = h.alignment;
            int minColumns = Math.min(MIN_PRESENT_COLUMNS, Math.min(a.lengthA(), a.lengthB()));
            if (a.identity() >= PRESENT_IDENTITY && a.columns() >= minColumns) {
                spans[n++] = ((long) a.startB() << 32) | a.endB();
            }
        }
        Arrays.sort(spans, 0, n);
        long covered = 0;
        int end = 0;
        for (int i = 0; i < n; i++) {
            int s = (int) (spans[i] >>> 32), e = (int) spans[i];
            if (e > end) {
                covered += e - Math.max(s, end);
                end = e;
            }
        }
        return covered >= PRESENT_COVERAGE * length ? FamilyStatus.PRESENT : FamilyStatus.MISSED;
    }

    /** 2 when the hit alone makes the family perfect, 1 good, else 0. */
    private static int level(Hit h) {
        double id = h.alignment.identity(), cov = h.alignment.coverageB();
        if (id >= PERFECT && cov >= PERFECT) {
            return 2;
        }
        return id >= GOOD && cov >= GOOD ? 1 : 0;
    }

    /** The better of two hits of one family: higher level, then more matches, then the earlier entry. */
    private static boolean better(Hit h, Hit than) {
        int lh = level(h), lt = level(than);
        if (lh != lt) {
            return lh > lt;
        }
        if (h.alignment.matches() != than.alignment.matches()) {
            return h.alignment.matches() > than.alignment.matches();
        }
        return h.entry < than.entry;
    }

    /** A library entry's best alignment with a family (entry = A, family = B). */
    record Hit(int entry, Alignment alignment) {
    }

    /** One thread's searcher and aligner. */
    private final class Matcher {
        private final SequenceIndex index;
        private final SequenceIndex.Searcher searcher;
        private final PairwiseAligner aligner = new PairwiseAligner(scoring, seeding);
        /** Enough seeds for an alignment of MIN_PRESENT_COLUMNS at 80% (1, for the defaults), more over a long seed span. */
        private final SequenceIndex.SeedThreshold threshold = (entryLength, familyLength, seedSpan) -> seeding
                .minimumSeeds(Math.max(seedSpan, Math.min(MIN_PRESENT_COLUMNS, Math.min(entryLength, familyLength))),
                        MATCH_IDENTITY);

        Matcher(SequenceIndex index) {
            this.index = index;
            this.searcher = index.searcher();
        }

        /** The best alignment of each entry that shares seeds with the family, by entry. */
        Hit[] hits(byte[] family) {
            List<Hit> out = new ArrayList<>();
            for (SequenceIndex.Candidate c : searcher.candidates(family, 0, index.size(), threshold)) {
                Alignment a = aligner.align(index.sequence(c.id()), family, c.band());
                if (a.isEmpty()) {
                    continue;
                }
                int last = out.size() - 1;
                if (last >= 0 && out.get(last).entry == c.id()) {
                    if (a.score() > out.get(last).alignment.score()) {
                        out.set(last, new Hit(c.id(), a));
                    }
                } else {
                    out.add(new Hit(c.id(), a));
                }
            }
            return out.toArray(new Hit[0]);
        }
    }
}
