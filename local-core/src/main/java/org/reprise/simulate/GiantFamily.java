package org.reprise.simulate;

/**
 * An interspersed family planted besides the drawn ones, with its consensus length, copy number
 * and divergence set rather than drawn: a preset's few families with far more copies than a
 * drawn copy number would give. Its consensus and structure (LTRs, TIRs, poly-A tail, TSDs) are
 * made as for a drawn family of its class; its divergence is held within
 * {@link SimulationParameters#maxDivergence()}; its copy number is scaled like the others only when
 * the planted bases would overfill the genome.
 *
 * @param repeatClass an interspersed class
 * @param length      consensus length, 50-100,000 bases
 * @param copies      copies to plant
 * @param divergence  the family's divergence (its age), events per base
 */
public record GiantFamily(RepeatClass repeatClass, int length, int copies, double divergence) {
}
