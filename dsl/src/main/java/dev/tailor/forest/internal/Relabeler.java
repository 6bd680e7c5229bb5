package dev.tailor.forest.internal;

/**
 * Turns the units of a node into pseudo-outcomes ρ, the vector responses the split rule separates.
 *
 * <p>The node's units are the local ids {@code locals[start..end)}. The relabeler writes ρ for local id l at
 * {@code rho[l * responseLength() + j]}; entries of other ids may hold garbage from earlier nodes. It returns
 * {@code true} when the node must not be split (for example, when the treatment does not vary in it).
 */
interface Relabeler {

    int responseLength();

    boolean relabel(LocalSample sample, int[] locals, int start, int end, double[] rho);
}
