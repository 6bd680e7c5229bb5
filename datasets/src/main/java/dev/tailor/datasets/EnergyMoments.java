package dev.tailor.datasets;

/**
 * The expectations over private draws that every energy-oracle quantity is built from, per household, by
 * Gauss–Hermite quadrature: 40 nodes over u and, for rebates, 16 nodes over ε (methods spec §3.2). None depends on
 * the welfare parameters, so one set serves every {@link dev.tailor.welfare.WelfareSpec}.
 *
 * <p>With r(u) the reduction when treated and φ(u) = Φ(ψ + λu) the take-up probability in S given u:
 *
 * @param reduction        E_u[r]
 * @param takerReduction   E_u[φ·r]
 * @param takeUp           p₁ = E_u[φ]
 * @param shortfallTreated E_{u,ε}[max(ȳ − ȳe^ε(1 − r), 0)] in kW: the expected rebate base under T
 * @param shortfallTakers  E_{u,ε}[max(ȳ − ȳe^ε(1 − r), 0)·φ] in kW: the same under S
 * @param logTreated       E_u[log(1 − r)]: the log-usage effect of T
 * @param logTakers        E_u[φ·log(1 − r)]: the log-usage effect of S
 */
record EnergyMoments(double[] reduction, double[] takerReduction, double[] takeUp, double[] shortfallTreated,
                     double[] shortfallTakers, double[] logTreated, double[] logTakers) {

    static EnergyMoments of(EnergyTypes types) {
        int n = types.size();
        EnergyMath.Rule overU = EnergyMath.HERMITE_40;
        EnergyMath.Rule overEpsilon = EnergyMath.HERMITE_16;
        double[] growth = new double[overEpsilon.size()];
        for (int j = 0; j < growth.length; j++) {
            growth[j] = Math.exp(-0.02 + 0.2 * overEpsilon.nodes()[j]);
        }
        double[] reduction = new double[n];
        double[] takerReduction = new double[n];
        double[] takeUp = new double[n];
        double[] shortfallTreated = new double[n];
        double[] shortfallTakers = new double[n];
        double[] logTreated = new double[n];
        double[] logTakers = new double[n];
        for (int i = 0; i < n; i++) {
            double er = 0;
            double ephir = 0;
            double p1 = 0;
            double shortT = 0;
            double shortS = 0;
            double logT = 0;
            double logS = 0;
            for (int q = 0; q < overU.size(); q++) {
                double weight = overU.weights()[q];
                double node = overU.nodes()[q];
                double r = types.reduction(i, node);
                double phi = EnergyMath.phi(types.psi()[i] + types.lambda()[i] * node);
                double shortfall = 0;
                for (int j = 0; j < growth.length; j++) {
                    shortfall += overEpsilon.weights()[j] * Math.max(1 - growth[j] * (1 - r), 0);
                }
                double log = Math.log(1 - r);
                er += weight * r;
                ephir += weight * phi * r;
                p1 += weight * phi;
                shortT += weight * shortfall;
                shortS += weight * phi * shortfall;
                logT += weight * log;
                logS += weight * phi * log;
            }
            double ybar = types.baseline()[i];
            reduction[i] = er;
            takerReduction[i] = ephir;
            takeUp[i] = p1;
            shortfallTreated[i] = ybar * shortT;
            shortfallTakers[i] = ybar * shortS;
            logTreated[i] = logT;
            logTakers[i] = logS;
        }
        return new EnergyMoments(reduction, takerReduction, takeUp, shortfallTreated, shortfallTakers, logTreated, logTakers);
    }
}
