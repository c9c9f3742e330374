package org.reprise.polish;

import org.reprise.report.RepeatClass;

/**
 * The structural class of a polished family and the evidence for it, as found by
 * {@link StructuralClassifier}. Lengths are 0 when the feature was not found.
 *
 * @param repeatClass   the class
 * @param reverse       whether the consensus reads better reverse-complemented (a poly-T head is a
 *                      poly-A tail on the other strand): the library then holds the reverse complement
 * @param terminalDirect length of the long terminal direct repeat (the LTR)
 * @param terminalInverted length of the terminal inverted repeat (the TIR)
 * @param polyA         length of the 3' poly-A tail
 * @param tsd           the most common target-site duplication of the elements, 0 when there is none
 * @param tsdShare      the share of sampled elements with that duplication, in [0, 1]
 * @param tandemElements whether most of the elements sit end to end with one another (a satellite
 *                      whose unit is the consensus)
 */
public record Classification(RepeatClass repeatClass, boolean reverse, int terminalDirect, int terminalInverted,
                             int polyA, int tsd, double tsdShare, boolean tandemElements) {
}
