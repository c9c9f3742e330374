package org.reprise.index;

import org.reprise.genome.BaseCode;
import org.reprise.genome.Genome;
import org.reprise.parallel.Workers;

/**
 * A genome's bases at two bits each, over genome coordinates (0-based), so that the code of the
 * k-mer at any position is two word reads away: the {@link KmerIndex} keeps no k-mer codes of its
 * own and reads them here. Base q is in word {@code q >>> 5}, first base of a word in its most
 * significant bits, so a code reads in the {@link KmerCodec}'s order. Invalid bases are stored as
 * A: only positions known to start a k-mer of valid bases may be read. A quarter of a byte a base.
 * Immutable once built.
 */
final class PackedBases {
    private final long[] words;

    private PackedBases(long[] words) {
        this.words = words;
    }

    /** Packs the genome, word ranges split among the workers (each word written by one of them). */
    static PackedBases of(Genome genome, Workers workers) {
        long length = genome.length();
        // One spare word, so that a k-mer in the last word reads a (zero) successor.
        long[] words = new long[(int) ((length + 31) >>> 5) + 1];
        int pieces = workers == null ? 1 : Math.min(4 * workers.threads(), Math.max(1, words.length >>> 12));
        KmerIndex.map(workers, pieces, r -> {
            long from = ((long) (words.length - 1) * r / pieces) << 5;
            long to = Math.min(length, ((long) (words.length - 1) * (r + 1) / pieces) << 5);
            pack(genome, from, to, words);
        });
        return new PackedBases(words);
    }

    /** Packs bases [from, to) (from a multiple of 32) into their words. */
    private static void pack(Genome genome, long from, long to, long[] words) {
        if (from >= to) {
            return;
        }
        long word = 0;
        long pos = from;
        for (int c = genome.contigIndexAt(from); c < genome.contigCount() && pos < to; c++) {
            byte[] codes = genome.codes(c);
            long start = genome.contig(c).start();
            int end = (int) Math.min(codes.length, to - start);
            for (int i = (int) (pos - start); i < end; i++) {
                int b = codes[i];
                word = (word << 2) | (b >= BaseCode.INVALID ? 0 : b);
                if ((++pos & 31) == 0) {
                    words[(int) ((pos - 1) >>> 5)] = word;
                    word = 0;
                }
            }
        }
        if ((pos & 31) != 0) {
            words[(int) (pos >>> 5)] = word << (2 * (32 - (pos & 31)));
        }
    }

    /** The code of the {@code k} bases at {@code pos} (k at most 31), first base most significant. */
    long kmer(long pos, int k) {
        int w = (int) (pos >>> 5);
        int off = (int) (pos & 31) << 1;
        long x = words[w];
        if (off != 0) {
            x = (x << off) | (words[w + 1] >>> (64 - off));
        }
        return x >>> (64 - 2 * k);
    }

    long memoryBytes() {
        return 8L * words.length;
    }
}
