package org.reprise.polish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.reprise.align.Alignment;
import org.reprise.align.Dna;
import org.reprise.align.Strand;
import org.reprise.align.Scoring;
import org.reprise.align.Seeding;
import org.reprise.discover.Element;
import org.reprise.discover.Family;
import org.reprise.genome.BasesSource;
import org.reprise.genome.ContigDictionary;
import org.reprise.library.ClusteringResult;
import org.reprise.library.ConsensusClustering;
import org.reprise.parallel.Workers;
import org.reprise.report.LibrarySummary;
import org.reprise.report.Polishing;
import org.reprise.report.RepeatClass;

/**
 * Turns discovery's raw library (REPrise's families) into a library ready for RepeatMasker, in
 * named steps:
 * <ol>
 *   <li>drop consensi that are no interspersed repeat: tandem repeats and low-complexity
 *       sequence ({@link SequenceComplexity});</li>
 *   <li>merge redundant consensi ({@link ConsensusClustering}, the rule of
 *       {@code cd-hit-est -c 0.8 -aS 0.8}): the best-supported (most bases in its elements) of a
 *       cluster is its representative, the others' elements become its elements (on the other
 *       strand when a member aligned reverse-complemented); the longest member that holds the
 *       representative (covers {@value #CONTAINED} of it at identity {@value #CONTAINED_IDENTITY})
 *       gives the cluster its consensus, the same family known further;</li>
 *   <li>join the fragments of one family whose elements sit end to end in most copies
 *       ({@link FragmentJoiner}), then merge redundant consensi once more (a joined consensus may
 *       now contain another);</li>
 *   <li>label every element with its family (overlapping elements of one family become one) and
 *       drop the families with fewer than {@code minCopies} elements;</li>
 *   <li>classify by structure ({@link StructuralClassifier}, target-site duplications from
 *       the genome as supporting evidence);</li>
 *   <li>order by elements descending (then bases masked, then the raw family's number) and name
 *       {@code rnd1_family-1, -2...}.</li>
 * </ol>
 * The result depends only on the families, the genome and the parameters, not on the threads.
 */
public final class LibraryPolisher {
    /** The prefix of the polished families' names, as RepeatModeler names its first round's. */
    public static final String NAME_PREFIX = "rnd1_family-";
    /** A member covering this much of its representative ... */
    static final double CONTAINED = 0.95;
    /** ... at this identity lends the cluster its longer consensus. */
    static final double CONTAINED_IDENTITY = 0.90;

    private final PolishParameters params;
    private final ConsensusClustering clustering;
    private final StructuralClassifier classifier = new StructuralClassifier();

    /** @param params the settings; see {@link PolishParameters} */
    public LibraryPolisher(PolishParameters params) {
        this.params = Objects.requireNonNull(params, "polish parameters");
        this.clustering = new ConsensusClustering(params.minIdentity(), params.minCoverage(), Scoring.BLASTN,
                Seeding.DEFAULT);
    }

    /**
     * Polishes a raw library.
     *
     * @param raw     the families as discovery reported them (elements in contig coordinates, 0-based half-open)
     * @param contigs the contigs the elements lie on
     * @param bases   the genome's bases, contigs end to end as {@code contigs} places them (read for the
     *                bases between joined fragments and the elements' flanks)
     * @param workers the threads
     * @return the polished library and what each step did
     */
    public PolishedLibrary polish(List<Family> raw, ContigDictionary contigs, BasesSource bases, Workers workers) {
        Objects.requireNonNull(raw, "families");
        Objects.requireNonNull(contigs, "contigs");
        Objects.requireNonNull(bases, "bases");
        Objects.requireNonNull(workers, "workers");
        long t0 = System.nanoTime();
        GenomeBases genome = new GenomeBases(contigs, bases);
        long rawBases = 0;
        List<Candidate> kept = new ArrayList<>();
        int tandem = 0;
        int lowComplexity = 0;
        for (Family f : raw) {
            rawBases += f.consensus().length();
            byte[] codes = Dna.encode(f.consensus());
            if (SequenceComplexity.isTandem(codes)) {
                tandem++;
            } else if (SequenceComplexity.isLowComplexity(codes)) {
                lowComplexity++;
            } else {
                kept.add(new Candidate(codes, f.elements(), f.number(), f.seed(), f.seedFreq(), 1));
            }
        }
        int[] merged = {0};
        List<Candidate> clustered = merge(kept, workers, merged);
        FragmentJoiner.Joined joined = new FragmentJoiner(params, genome).join(clustered);
        List<Candidate> joinedOnes = joined.links() > 0 ? merge(joined.candidates(), workers, merged) : clustered;
        List<Candidate> labelled = new ArrayList<>();
        int tooFew = 0;
        for (Candidate c : joinedOnes) {
            Candidate u = withoutOverlaps(c);
            if (u.copies() < params.minCopies()) {
                tooFew++;
            } else {
                labelled.add(u);
            }
        }
        labelled.sort(Comparator.comparingInt(Candidate::copies).reversed()
                .thenComparing(Comparator.comparingLong(LibraryPolisher::bases).reversed())
                .thenComparingInt(Candidate::firstRaw));
        boolean[] ltrLayout = LtrLayout.of(labelled);
        List<Classification> classes = workers.map(labelled.size(), i -> classify(labelled.get(i), genome, ltrLayout[i]));
        List<PolishedFamily> families = new ArrayList<>(labelled.size());
        EnumMap<RepeatClass, Long> perClass = new EnumMap<>(RepeatClass.class);
        long polishedBases = 0;
        for (int i = 0; i < labelled.size(); i++) {
            Candidate c = labelled.get(i);
            Classification k = classes.get(i);
            byte[] cons = k.reverse() ? Dna.reverseComplement(c.consensus()) : c.consensus();
            List<Element> elements = new ArrayList<>(c.copies());
            for (Element e : c.elements()) {
                elements.add(new Element(e.contigIndex(), e.start(), e.end(), e.isReverse() ^ k.reverse(), i));
            }
            families.add(new PolishedFamily(NAME_PREFIX + (i + 1), k, Dna.decode(cons), elements, c.firstRaw(),
                    c.rawFamilies(), c.seed(), c.seedFreq()));
            perClass.merge(k.repeatClass(), 1L, Long::sum);
            polishedBases += cons.length;
        }
        LibrarySummary before = new LibrarySummary(raw.size(), rawBases,
                raw.isEmpty() ? Map.of() : Map.of(RepeatClass.UNKNOWN, (long) raw.size()));
        LibrarySummary after = new LibrarySummary(families.size(), polishedBases, perClass);
        Polishing steps = new Polishing(before, after, merged[0], joined.links(), tandem, lowComplexity, tooFew);
        return new PolishedLibrary(families, steps, (System.nanoTime() - t0) / 1e9);
    }

    /** Redundant consensi merged: one candidate per cluster, in cluster order. */
    private List<Candidate> merge(List<Candidate> in, Workers workers, int[] mergedClusters) {
        List<byte[]> seqs = new ArrayList<>(in.size());
        long[] support = new long[in.size()];
        for (int i = 0; i < in.size(); i++) {
            seqs.add(in.get(i).consensus());
            support[i] = bases(in.get(i));
        }
        ClusteringResult r = clustering.cluster(seqs, support, workers);
        List<Candidate> out = new ArrayList<>(r.clusterCount());
        for (int c = 0; c < r.clusterCount(); c++) {
            int[] members = r.members(c);
            Candidate rep = in.get(members[0]);
            if (members.length == 1) {
                out.add(rep);
                continue;
            }
            mergedClusters[0]++;
            List<Element> elements = new ArrayList<>(rep.elements());
            int raw = rep.rawFamilies();
            byte[] consensus = rep.consensus();
            for (int j = 1; j < members.length; j++) {
                Candidate m = in.get(members[j]);
                Alignment a = r.alignment(members[j]);
                boolean flip = a.strand() == Strand.MINUS;
                for (Element e : m.elements()) {
                    elements.add(flip ? new Element(e.contigIndex(), e.start(), e.end(), !e.isReverse(), 0) : e);
                }
                raw += m.rawFamilies();
                // A longer member holding all of the representative is the same family known further.
                if (m.consensus().length > consensus.length && a.coverageA() >= CONTAINED
                        && a.identity() >= CONTAINED_IDENTITY) {
                    consensus = flip ? Dna.reverseComplement(m.consensus()) : m.consensus();
                }
            }
            out.add(new Candidate(consensus, elements, rep.firstRaw(), rep.seed(), rep.seedFreq(), raw));
        }
        return out;
    }

    /** Overlapping elements of one family become one (the union, on the longer one's strand), by position. */
    static Candidate withoutOverlaps(Candidate c) {
        List<Element> sorted = new ArrayList<>(c.elements());
        sorted.sort(Comparator.comparingInt(Element::contigIndex).thenComparingLong(Element::start)
                .thenComparingLong(Element::end).thenComparing(Element::isReverse));
        List<Element> out = new ArrayList<>(sorted.size());
        Element cur = null;
        for (Element e : sorted) {
            if (cur != null && e.contigIndex() == cur.contigIndex() && e.start() < cur.end()) {
                boolean reverse = e.length() > cur.length() ? e.isReverse() : cur.isReverse();
                cur = new Element(cur.contigIndex(), cur.start(), Math.max(cur.end(), e.end()), reverse, 0);
            } else {
                if (cur != null) {
                    out.add(cur);
                }
                cur = e;
            }
        }
        if (cur != null) {
            out.add(cur);
        }
        return new Candidate(c.consensus(), out, c.firstRaw(), c.seed(), c.seedFreq(), c.rawFamilies());
    }

    private static long bases(Candidate c) {
        long n = 0;
        for (Element e : c.elements()) {
            n += e.length();
        }
        return n;
    }

    private Classification classify(Candidate c, GenomeBases genome, boolean ltrLayout) {
        double[] tsd = TargetSiteDuplications.of(c.elements(), genome);
        return classifier.classify(c.consensus(), (int) tsd[0], tsd[1], tandemElements(c), ltrLayout);
    }

    /**
     * Whether most elements (by position, after {@link #withoutOverlaps}) are followed, within the
     * join gap and on the same strand, by another element of the family: a tandem array of units.
     */
    private boolean tandemElements(Candidate c) {
        List<Element> es = c.elements();
        if (es.size() < 2) {
            return false;
        }
        int adjacent = 0;
        for (int i = 0; i + 1 < es.size(); i++) {
            Element a = es.get(i);
            Element b = es.get(i + 1);
            if (a.contigIndex() == b.contigIndex() && a.isReverse() == b.isReverse()
                    && b.start() - a.end() <= params.maxJoinGap()) {
                adjacent++;
            }
        }
        return adjacent * 2 >= es.size();
    }
}
