package org.reprise.params;

import org.reprise.genome.ContigDictionary;
import org.reprise.index.KmerLength;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * REPrise's parameters, with REPrise's names and defaults (docs/ALGORITHM.md). Immutable; build with
 * {@link #builder()}. Every value is checked in {@link Builder#build()}, so the engine can trust them.
 */
public final class Parameters implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public final int match;
    public final int mismatch;
    public final int gap;
    public final int gapex;
    public final int capPenalty;
    public final int dist;
    public final int maxExtend;
    public final int maxRepeat;
    public final int maxGap;
    public final int stopAfter;
    public final int minLength;
    public final int minFreq;
    public final int minImprovement;
    public final int tandemDist;
    /** Explicit k, or 0 to derive it from the genome as REPrise does. */
    public final int k;
    /** Worker threads; 1 runs everything on the calling thread. */
    public final int threads;

    private Parameters(Builder b) {
        match = b.match;
        mismatch = b.mismatch;
        gap = b.gap;
        gapex = b.gapex;
        capPenalty = b.capPenalty;
        dist = b.dist;
        maxExtend = b.maxExtend;
        maxRepeat = b.maxRepeat;
        maxGap = b.maxGap;
        stopAfter = b.stopAfter;
        minLength = b.minLength;
        minFreq = b.minFreq;
        minImprovement = b.minImprovement;
        tandemDist = b.tandemDist;
        k = b.k;
        threads = b.threads;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Parameters defaults() {
        return builder().build();
    }

    /** REPrise's k for a genome: the explicit one if given, else derived from REPrise's buffer length. */
    public int kFor(ContigDictionary contigs) {
        return k > 0 ? k : KmerLength.defaultK(contigs.repriseBufferLength(), dist);
    }

    /** Band width of every alignment: offsets -maxGap..maxGap. */
    public int bandWidth() {
        return 2 * maxGap + 1;
    }

    /** Name/value pairs in REPrise's option names, for the summary. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("match", match);
        m.put("mismatch", mismatch);
        m.put("gap", gap);
        m.put("gapex", gapex);
        m.put("cappenalty", capPenalty);
        m.put("dist", dist);
        m.put("maxextend", maxExtend);
        m.put("maxrepeat", maxRepeat);
        m.put("maxgap", maxGap);
        m.put("stopafter", stopAfter);
        m.put("minlength", minLength);
        m.put("minfreq", minFreq);
        m.put("minimprovement", minImprovement);
        m.put("tandemdist", tandemDist);
        m.put("k", k);
        m.put("threads", threads);
        return m;
    }

    public Builder toBuilder() {
        return new Builder().match(match).mismatch(mismatch).gap(gap).gapex(gapex).capPenalty(capPenalty)
                .dist(dist).maxExtend(maxExtend).maxRepeat(maxRepeat).maxGap(maxGap).stopAfter(stopAfter)
                .minLength(minLength).minFreq(minFreq).minImprovement(minImprovement).tandemDist(tandemDist)
                .k(k).threads(threads);
    }

    /** Mutable builder holding REPrise's defaults until changed. */
    public static final class Builder {
        private int match = 1;
        private int mismatch = -1;
        private int gap = -5;
        private int gapex = -1;
        private int capPenalty = -20;
        private int dist = 0;
        private int maxExtend = 10_000;
        private int maxRepeat = 100_000;
        private int maxGap = 5;
        private int stopAfter = 100;
        private int minLength = 50;
        private int minFreq = 3;
        private int minImprovement = 3;
        private int tandemDist = 500;
        private int k = 0;
        private int threads = 1;

        public Builder match(int v) { match = v; return this; }
        public Builder mismatch(int v) { mismatch = v; return this; }
        public Builder gap(int v) { gap = v; return this; }
        public Builder gapex(int v) { gapex = v; return this; }
        public Builder capPenalty(int v) { capPenalty = v; return this; }
        public Builder dist(int v) { dist = v; return this; }
        public Builder maxExtend(int v) { maxExtend = v; return this; }
        public Builder maxRepeat(int v) { maxRepeat = v; return this; }
        public Builder maxGap(int v) { maxGap = v; return this; }
        public Builder stopAfter(int v) { stopAfter = v; return this; }
        public Builder minLength(int v) { minLength = v; return this; }
        public Builder minFreq(int v) { minFreq = v; return this; }
        public Builder minImprovement(int v) { minImprovement = v; return this; }
        public Builder tandemDist(int v) { tandemDist = v; return this; }
        public Builder k(int v) { k = v; return this; }
        public Builder threads(int v) { threads = v; return this; }

        /** Checks every value; the message names the option as the user typed it. */
        public Parameters build() {
            require(match > 0, "-match must be positive (got " + match + ")");
            require(mismatch <= 0, "-mismatch must be 0 or negative (got " + mismatch + ")");
            require(gap <= 0, "-gap must be 0 or negative (got " + gap + ")");
            require(gapex <= 0, "-gapex must be 0 or negative (got " + gapex + ")");
            require(capPenalty <= 0, "-cappenalty must be 0 or negative (got " + capPenalty + ")");
            require(dist >= 0 && dist <= 3, "-dist must be 0..3 (got " + dist + ")");
            require(maxExtend >= 1 && maxExtend <= 1_000_000, "-maxextend must be 1..1000000 (got " + maxExtend + ")");
            require(maxRepeat >= 0, "-maxrepeat must be 0 or more (got " + maxRepeat + ")");
            require(maxGap >= 0 && maxGap <= 100, "-maxgap must be 0..100 (got " + maxGap + ")");
            require(stopAfter >= 1, "-stopafter must be 1 or more (got " + stopAfter + ")");
            require(minLength >= 1, "-minlength must be 1 or more (got " + minLength + ")");
            require(minFreq >= 2, "-minfreq must be 2 or more (got " + minFreq + ")");
            require(minImprovement >= 0, "-minimprovement must be 0 or more (got " + minImprovement + ")");
            require(tandemDist >= 0, "-tandemdist must be 0 or more (got " + tandemDist + ")");
            require(k == 0 || (k >= 2 && k <= 30), "-k must be 2..30 (got " + k + ")");
            require(threads >= 1 && threads <= 4096, "--threads must be 1..4096 (got " + threads + ")");
            return new Parameters(this);
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
