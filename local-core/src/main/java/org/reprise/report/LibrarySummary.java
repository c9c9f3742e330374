package org.reprise.report;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A repeat library in three numbers: entries, total consensus bases, and entries per class.
 *
 * @param entries         number of consensus sequences, {@code >= 0}
 * @param totalBases      sum of their lengths in bases, {@code >= 0}
 * @param entriesPerClass entries of each class (classes without entries may be left out); the
 *                        values sum to {@code entries}; copied into an unmodifiable map in class order
 */
public record LibrarySummary(long entries, long totalBases, Map<RepeatClass, Long> entriesPerClass) {
    /** @throws IllegalArgumentException if a count is negative or the classes do not sum to the entries */
    public LibrarySummary {
        Objects.requireNonNull(entriesPerClass, "entries per class");
        if (entries < 0 || totalBases < 0) {
            throw new IllegalArgumentException("negative library size: entries " + entries + ", bases " + totalBases);
        }
        EnumMap<RepeatClass, Long> copy = new EnumMap<>(RepeatClass.class);
        long sum = 0;
        for (Map.Entry<RepeatClass, Long> e : entriesPerClass.entrySet()) {
            long n = Objects.requireNonNull(e.getValue(), "entries of " + e.getKey());
            if (n < 0) {
                throw new IllegalArgumentException("negative entries for class " + e.getKey().label() + ": " + n);
            }
            copy.put(Objects.requireNonNull(e.getKey(), "repeat class"), n);
            sum += n;
        }
        if (sum != entries) {
            throw new IllegalArgumentException("entries per class sum to " + sum + ", not to the " + entries + " entries");
        }
        entriesPerClass = Collections.unmodifiableMap(copy);
    }

    /**
     * The summary of a list of families, as the final library.
     *
     * @param families the entries
     * @return their count, the sum of their consensus lengths and their count per class
     */
    public static LibrarySummary of(Collection<FamilySummary> families) {
        EnumMap<RepeatClass, Long> perClass = new EnumMap<>(RepeatClass.class);
        long bases = 0;
        for (FamilySummary f : families) {
            perClass.merge(f.repeatClass(), 1L, Long::sum);
            bases += f.consensusLength();
        }
        return new LibrarySummary(families.size(), bases, perClass);
    }

    /** @return the entries of class {@code c}, 0 when it has none */
    public long entries(RepeatClass c) {
        return entriesPerClass.getOrDefault(c, 0L);
    }
}
