package dev.tailor.datasets;

/**
 * The two phases of a Conecta Ideas experiment. Phase 2 draws new outcomes for the same people; in the school
 * year it has its own baseline (36% instead of 42%) and uses the re-measured prior-week login L0'.
 */
public enum Phase {

    /** The exploratory phase: every arm of the catalog against a no-message control. */
    ONE,

    /** The confirmatory phase: policies learned in Phase 1 are tested on fresh outcomes of the same people. */
    TWO;

    /** "phase 1" or "phase 2", for captions. */
    public String label() {
        return this == ONE ? "phase 1" : "phase 2";
    }
}
