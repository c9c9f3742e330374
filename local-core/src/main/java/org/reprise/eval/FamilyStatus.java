package org.reprise.eval;

import java.util.Locale;

/**
 * How well a repeat library recovers one true family, in the categories of the RepeatModeler2
 * paper (Flynn et al. 2020), each exclusive of the ones before it.
 */
public enum FamilyStatus {
    /** One library consensus covers &gt;= 95% of the family at &gt;= 95% identity. */
    PERFECT,
    /** Not perfect; one consensus covers &gt;= 80% of it at &gt;= 80% identity. */
    GOOD,
    /** Not good; several consensi, each aligned at &gt;= 80% identity, together cover &gt;= 80% of it. */
    PRESENT,
    /** None of the above. */
    MISSED;

    /** The lower-case name written in reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
