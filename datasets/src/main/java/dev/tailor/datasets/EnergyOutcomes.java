package dev.tailor.datasets;

/**
 * Realized take-up and usage of energy rebate households under one assignment, one entry per household.
 *
 * @param takeUp D: 0 in U, 1 in T, the household's own choice in S
 * @param usage  Y: treatment-week mean peak-hour power, kW
 */
public record EnergyOutcomes(int[] takeUp, double[] usage) {

    public EnergyOutcomes {
        if (takeUp.length != usage.length) {
            throw new IllegalArgumentException("Outcome arrays must have one entry per household, got take-up "
                    + takeUp.length + " and usage " + usage.length + ".");
        }
        takeUp = takeUp.clone();
        usage = usage.clone();
    }

    @Override
    public int[] takeUp() {
        return takeUp.clone();
    }

    @Override
    public double[] usage() {
        return usage.clone();
    }
}
