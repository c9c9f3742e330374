package org.reprise.polish;

import java.util.List;

import org.reprise.report.Polishing;

/**
 * What polishing made: the families of the polished library in library order, what each step did
 * (the report's {@link Polishing}) and the wall seconds it took.
 */
public record PolishedLibrary(List<PolishedFamily> families, Polishing steps, double seconds) {
    public PolishedLibrary {
        families = List.copyOf(families);
    }
}
