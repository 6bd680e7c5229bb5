package dev.tailor.welfare;

import dev.tailor.render.Fmt;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * The welfare of an energy rebate program (methods spec §2.13; ENERGY eqs. 11, 12 and appendix A.4): prices,
 * costs and the Pareto weight exponent ν that turn a household's peak usage and take-up into JPY of welfare.
 * Immutable; every wither returns a new spec, and values are checked when the spec is made.
 *
 * <pre>{@code
 * WelfareSpec utilitarian = WelfareSpec.energyRebate();          // p 25, c 125, a 291.1, δ 9,425, H 28, ν 0
 * WelfareOutcome w = utilitarian.nu(1).construct(data, WelfareColumns.energyRebate());
 * w.outcomes()                                                  // W̃_i, the EWM outcome, one per row
 * }</pre>
 *
 * <p>Units: usage Y is mean peak-hour power in kW; rebates convert it to kWh over {@link #peakHours()} peak
 * hours; everything else is JPY per household per season (1 JPY ≈ 1 US cent).
 *
 * <p>Utilitarian welfare, sign-corrected: W_j = β·(Y_U − Y_j) − a·D_j with β = (c − p)/2 + δ (9,475 JPY/kW by
 * default). The paper prints ½(p − c) + δ applied to (Y_j − Y_U), which makes the capacity benefit negative for a
 * reduction; the spec's decision (§5 item 6) is the version used here. With Pareto weights w_i (mean 1, see
 * {@link #weights(double[])}): W_j = b̃_i·(Y_U − Y_j) − (1 − w_i)·R_j − a·D_j, with b̃_i = (2 − w_i)/2·(c − p) + δ
 * and R_j = (c − p)·H·max(Y_base − Y_j, 0)·D_j the rebate paid.
 *
 * @param price         p, the regulated retail price, JPY/kWh (25)
 * @param marginalCost  c, the peak marginal cost, JPY/kWh (125); c − p is the rebate rate per kWh
 * @param adminCost     a, the administrative cost per participating household and season, JPY (291.1)
 * @param capacityValue δ, the capacity value of a kW of peak reduction, JPY/kW (9,425: 2020 capacity market)
 * @param peakHours     H, peak hours in the treatment week (28 = 4 h × 7 days), to turn kW into kWh for rebates
 * @param nu            ν ≥ 0, the Pareto weight exponent: w_i ∝ h_i^(−ν) for income h_i; 0 is utilitarian
 */
public record WelfareSpec(double price, double marginalCost, double adminCost, double capacityValue, double peakHours,
                          double nu) {

    public WelfareSpec {
        requireFinite(price, "price p");
        requireFinite(marginalCost, "marginalCost c");
        requireFinite(adminCost, "adminCost a");
        requireFinite(capacityValue, "capacityValue δ");
        requireFinite(peakHours, "peakHours H");
        requireFinite(nu, "nu");
        if (marginalCost < price) {
            throw new IllegalArgumentException("marginalCost c must be ≥ price p (c − p is the rebate rate), got c = "
                    + marginalCost + " and p = " + price + ". The energy rebate study has c = 125, p = 25.");
        }
        if (adminCost < 0) {
            throw new IllegalArgumentException("adminCost a must be ≥ 0 JPY per participant, got " + adminCost + ".");
        }
        if (capacityValue < 0) {
            throw new IllegalArgumentException("capacityValue δ must be ≥ 0 JPY/kW, got " + capacityValue + ".");
        }
        if (!(peakHours > 0)) {
            throw new IllegalArgumentException("peakHours H must be > 0, got " + peakHours
                    + ". The treatment week had 28 peak hours (13:00–17:00 on 7 days).");
        }
        if (nu < 0) {
            throw new IllegalArgumentException("nu must be ≥ 0 (0 is utilitarian, 1 and 2 weigh poorer households more), got "
                    + nu + ".");
        }
    }

    /** The study's parameters: p = 25, c = 125, a = 291.1, δ = 9,425, H = 28 and ν = 0 (utilitarian). */
    public static WelfareSpec energyRebate() {
        return new WelfareSpec(25, 125, 291.1, 9425, 28, 0);
    }

    /** The same spec with retail price p (JPY/kWh). */
    public WelfareSpec price(double p) {
        return new WelfareSpec(p, marginalCost, adminCost, capacityValue, peakHours, nu);
    }

    /** The same spec with peak marginal cost c (JPY/kWh). */
    public WelfareSpec marginalCost(double c) {
        return new WelfareSpec(price, c, adminCost, capacityValue, peakHours, nu);
    }

    /** The same spec with administrative cost a per participating household (JPY). */
    public WelfareSpec adminCost(double a) {
        return new WelfareSpec(price, marginalCost, a, capacityValue, peakHours, nu);
    }

    /** The same spec with capacity value δ (JPY/kW). */
    public WelfareSpec capacityValue(double delta) {
        return new WelfareSpec(price, marginalCost, adminCost, delta, peakHours, nu);
    }

    /** The same spec with H peak hours in the treatment week. */
    public WelfareSpec peakHours(double hours) {
        return new WelfareSpec(price, marginalCost, adminCost, capacityValue, hours, nu);
    }

    /** The same spec with Pareto weight exponent ν (0 utilitarian; the paper also reports 1 and 2). */
    public WelfareSpec nu(double exponent) {
        return new WelfareSpec(price, marginalCost, adminCost, capacityValue, peakHours, exponent);
    }

    /** Whether all weights are 1 (ν = 0), so that eq. 12 is eq. 11. */
    public boolean utilitarian() {
        return nu == 0;
    }

    /** c − p: the rebate paid per kWh of reduction below the baseline (100 JPY/kWh by default). */
    public double rebateRate() {
        return marginalCost - price;
    }

    /** β = (c − p)/2 + δ: the utilitarian value of a kW of peak reduction (9,475 JPY/kW by default). */
    public double beta() {
        return rebateRate() / 2 + capacityValue;
    }

    /** b̃ = (2 − w)/2·(c − p) + δ: the value of a kW of reduction for a household with Pareto weight w. */
    public double benefit(double weight) {
        return (2 - weight) / 2 * rebateRate() + capacityValue;
    }

    /**
     * Pareto weights w_i = h_i^(−ν) / mean_k h_k^(−ν), so that they average 1 (the spec's decision, §5 item 8:
     * the paper says "sum", but ν = 0 ⇒ w ≡ 1 needs the mean). Incomes must be positive.
     */
    public double[] weights(double[] income) {
        Objects.requireNonNull(income, "income");
        double[] w = new double[income.length];
        if (income.length == 0) {
            return w;
        }
        double sum = 0;
        for (int i = 0; i < income.length; i++) {
            if (!(income[i] > 0) || Double.isInfinite(income[i])) {
                throw new IllegalArgumentException("Pareto weights need positive, finite incomes; income of row " + i
                        + " is " + income[i] + ". Drop or fix that row.");
            }
            w[i] = nu == 0 ? 1.0 : Math.pow(income[i], -nu);
            sum += w[i];
        }
        double mean = sum / income.length;
        for (int i = 0; i < w.length; i++) {
            w[i] /= mean;
        }
        return w;
    }

    /** R = (c − p)·H·max(Y_base − Y, 0)·D: the rebate in JPY for usage Y and baseline Y_base (kW), take-up D. */
    public double rebate(double usage, double baseline, int takeUp) {
        return rebateRate() * peakHours * Math.max(baseline - usage, 0) * takeUp;
    }

    /**
     * W̃ = −b̃·Y − (1 − w)·R − a·D: the arm-invariant welfare outcome of one household (Y_U is never observed, but
     * differences of E[W̃] across arms equal those of welfare). With w = 1 it is −β·Y − a·D.
     */
    public double outcome(double usage, double baseline, int takeUp, double weight) {
        return -benefit(weight) * usage - (1 - weight) * rebate(usage, baseline, takeUp) - adminCost * takeUp;
    }

    /**
     * The welfare outcome W̃, Pareto weights and rebates of every row of {@code data}.
     *
     * @throws dev.tailor.data.DataException if a column is missing, not numeric or has missing values, take-up
     *                                       is not 0/1, or an income is not positive
     */
    public WelfareOutcome construct(Table data, WelfareColumns columns) {
        return WelfareOutcome.construct(this, data, columns);
    }

    @Override
    public String toString() {
        return "Welfare spec: p " + Fmt.fixed(price, 1) + ", c " + Fmt.fixed(marginalCost, 1) + " JPY/kWh; a "
                + Fmt.fixed(adminCost, 1) + " JPY; δ " + Fmt.fixed(capacityValue, 0) + " JPY/kW; H " + Fmt.fixed(peakHours, 0)
                + " h; β " + Fmt.fixed(beta(), 0) + " JPY/kW; " + (utilitarian() ? "utilitarian (ν = 0)"
                : "Pareto weights ν = " + Fmt.fixed(nu, 2));
    }

    private static void requireFinite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + value
                    + ". WelfareSpec.energyRebate() has the study's values.");
        }
    }
}
