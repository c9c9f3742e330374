package org.reprise.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.reprise.eval.EvalTestSupport.*;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Overlapping, duplicate and touching intervals are merged so each base counts once. */
class MergingTest {
    @TempDir
    Path dir;

    @Test
    void mergeOverlappingDuplicateAndAdjacent() {
        RepeatAnnotation a = new RepeatAnnotation.Builder()
                .add("c", 40, 41).add("c", 15, 30).add("c", 10, 20).add("c", 10, 30)
                .add("c", 30, 35).add("c", 10, 30).add("c", 7, 7) // empty: ignored
                .add("c", 100, 200).add("c", 120, 150) // nested
                .build();
        MergedIntervals m = a.get("c");
        assertEquals("[[10,35), [40,41), [100,200)]", m.toString());
        assertEquals(25 + 1 + 100, m.bases());
    }

    @Test
    void emptyContigIsNotPresent() {
        RepeatAnnotation a = new RepeatAnnotation.Builder().add("c", 5, 5).build();
        assertEquals(0, a.contigNames().size());
        assertEquals(0, a.get("c").bases());
    }

    @Test
    void overlapCountsBasesInBoth() {
        MergedIntervals x = new RepeatAnnotation.Builder().add("c", 0, 10).add("c", 20, 30).build().get("c");
        MergedIntervals y = new RepeatAnnotation.Builder().add("c", 5, 25).add("c", 29, 31).build().get("c");
        // [5,10) 5 + [20,25) 5 + [29,30) 1
        assertEquals(11, x.overlapBases(y));
        assertEquals(11, y.overlapBases(x));
        assertEquals(0, x.overlapBases(MergedIntervals.EMPTY));
    }

    @Test
    void overlappingRecordsCountOnceInMetrics() throws IOException {
        // truth merged: [10,35) [40,41) = 26 bases
        Path truth = write(dir, "t.bed", "chr1\t10\t20", "chr1\t15\t30", "chr1\t10\t30", "chr1\t30\t35",
                "chr1\t40\t41");
        // prediction merged: [0,12) [34,45) = 12 + 11 = 23 bases (the duplicate adds nothing)
        Path pred = write(dir, "p.bed", "chr1\t0\t12", "chr1\t34\t45", "chr1\t0\t12");
        EvaluationResult r = Evaluator.evaluate(BedReader.read(truth, ReaderOptions.defaults()),
                BedReader.read(pred, ReaderOptions.defaults()), null);
        // TP = [10,12) 2 + [34,35) 1 + [40,41) 1 = 4; FP = 23-4 = 19; FN = 26-4 = 22
        assertCounts(r.all(), 26, 23, 4, 19, 22, NA);
    }
}
