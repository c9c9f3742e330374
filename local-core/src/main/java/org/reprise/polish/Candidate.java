package org.reprise.polish;

import java.util.List;

import org.reprise.discover.Element;

/**
 * A family while the library is polished: its consensus (codes), its elements (strand relative
 * to this consensus; {@link Element#family()} unused), the raw family it is named after (the
 * best-supported of those it was made from), and how many raw families it was made from.
 * Immutable.
 */
record Candidate(byte[] consensus, List<Element> elements, int firstRaw, String seed, int seedFreq, int rawFamilies) {
    Candidate {
        elements = List.copyOf(elements);
    }

    int copies() {
        return elements.size();
    }
}
