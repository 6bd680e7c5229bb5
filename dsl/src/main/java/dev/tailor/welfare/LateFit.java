package dev.tailor.welfare;

import dev.tailor.render.Fmt;
import dev.tailor.render.Rendered;
import dev.tailor.render.Report;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Fitted {@link Late}: ITTs, take-up and LATEs for takers and non-takers in the whole sample and in each group.
 * Immutable. Prints one row per group; {@link #table()} gives one row per group and estimand.
 */
public final class LateFit implements Rendered {

    private final LateSpec spec;
    private final LateRoles roles;
    private final String tableName;
    private final LateGroup overall;
    private final List<LateGroup> groups;

    private LateFit(LateSpec spec, LateRoles roles, String tableName, LateGroup overall, List<LateGroup> groups) {
        this.spec = spec;
        this.roles = roles;
        this.tableName = tableName;
        this.overall = overall;
        this.groups = List.copyOf(groups);
    }

    static LateFit fit(LateSpec spec, ThreeArmData data, LateRoles roles) {
        boolean[] all = new boolean[data.size()];
        java.util.Arrays.fill(all, true);
        LateGroup overall = LateMath.group("all", data, all, spec.tslsErrors());
        List<LateGroup> groups = new ArrayList<>();
        for (int g = 0; g < data.groupLabels().size(); g++) {
            boolean[] in = new boolean[data.size()];
            for (int i = 0; i < in.length; i++) {
                in[i] = data.group()[i] == g;
            }
            groups.add(LateMath.group(data.groupLabels().get(g), data, in, spec.tslsErrors()));
        }
        return new LateFit(spec, roles, data.tableName(), overall, groups);
    }

    public LateSpec spec() {
        return spec;
    }

    public LateRoles roles() {
        return roles;
    }

    /** The whole sample. */
    public LateGroup overall() {
        return overall;
    }

    /** One entry per level of the group column, in sorted order of the levels; empty without groups. */
    public List<LateGroup> groups() {
        return groups;
    }

    /** The group with this level of the group column. */
    public LateGroup group(String level) {
        for (LateGroup g : groups) {
            if (g.name().equals(level)) {
                return g;
            }
        }
        throw new IllegalArgumentException("No group \"" + level + "\"" + roles.groups().map(c -> " in column \"" + c + "\"")
                .orElse(" (the roles name no group column)") + "; groups are " + groups.stream().map(LateGroup::name).toList() + ".");
    }

    private List<LateGroup> rows() {
        List<LateGroup> rows = new ArrayList<>();
        rows.add(overall);
        rows.addAll(groups);
        return rows;
    }

    private String interval(Estimate e) {
        if (Double.isNaN(e.estimate())) {
            return "—";
        }
        double[] ci = e.confInt(spec.level());
        int digits = Digits.forSe(e.stdError());
        return "[" + Fmt.fixed(ci[0], digits) + ", " + Fmt.fixed(ci[1], digits) + "]";
    }

    private static String withSe(Estimate e) {
        return Digits.withSe(e);
    }

    private static String se(Estimate e) {
        return Double.isNaN(e.stdError()) ? "—" : Fmt.fixed(e.stdError(), Digits.forSe(e.stdError()));
    }

    private Report report() {
        String level = Math.round(spec.level() * 100) + "% CI";
        List<List<String>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (LateGroup g : rows()) {
            rows.add(List.of(g.name(), LateMath.describe(new int[] {g.untreated(), g.treated(), g.selection()}),
                    Fmt.pp(g.takeUp().estimate(), 1) + "%", withSe(g.ittTreated()), withSe(g.ittSelfSelection()),
                    withSe(g.takers()), interval(g.takers()), withSe(g.nonTakers()), interval(g.nonTakers()),
                    se(g.takersTsls()), se(g.nonTakersTsls())));
            if (g.takeUp().estimate() == 0) {
                notes.add("Group " + g.name() + ": nobody in S took up (p̂ = 0), so LATE for takers is not identified (—).");
            }
            if (g.takeUp().estimate() == 1) {
                notes.add("Group " + g.name() + ": everybody in S took up (p̂ = 1), so LATE for non-takers is not identified (—).");
            }
        }
        notes.add(0, "LATE_t = (W̄_S − W̄_U)/p̂ and LATE_nt = (W̄_T − W̄_S)/(1 − p̂), p̂ = take-up in S; SEs in parentheses by "
                + "the delta method. The 2SLS estimates are identical; their " + spec.tslsErrors() + " SEs are in the last "
                + "two columns.");
        String groupsBy = roles.groups().map(c -> " by " + c).orElse("");
        String title = "LATE for takers and non-takers — " + roles.outcome() + groupsBy + ", table \"" + tableName
                + "\", n = " + Fmt.count(overall.size());
        return new Report(title, List.of("group", "n U/T/S", "take-up", "ITT T (SE)", "ITT S (SE)", "LATE takers (SE)",
                level, "LATE non-takers (SE)", level, "2SLS SE t", "2SLS SE nt"), rows, notes);
    }

    @Override
    public String toString() {
        return report().text();
    }

    @Override
    public String toHtml() {
        return report().html();
    }

    /**
     * One row per group ("all" first) and estimand (itt_T, itt_S, take_up, late_takers, late_non_takers): estimate,
     * std_error (Neyman or delta method), tsls_std_error (LATEs only, else NaN), ci_low, ci_high and n.
     */
    @Override
    public Table table() {
        StringColumn group = StringColumn.create("group");
        StringColumn estimand = StringColumn.create("estimand");
        DoubleColumn estimate = DoubleColumn.create("estimate");
        DoubleColumn se = DoubleColumn.create("std_error");
        DoubleColumn tslsSe = DoubleColumn.create("tsls_std_error");
        DoubleColumn low = DoubleColumn.create("ci_low");
        DoubleColumn high = DoubleColumn.create("ci_high");
        IntColumn n = IntColumn.create("n");
        for (LateGroup g : rows()) {
            String[] names = {"itt_T", "itt_S", "take_up", "late_takers", "late_non_takers"};
            Estimate[] values = {g.ittTreated(), g.ittSelfSelection(), g.takeUp(), g.takers(), g.nonTakers()};
            Estimate[] tsls = {null, null, null, g.takersTsls(), g.nonTakersTsls()};
            for (int k = 0; k < names.length; k++) {
                group.append(g.name());
                estimand.append(names[k]);
                estimate.append(values[k].estimate());
                se.append(values[k].stdError());
                tslsSe.append(tsls[k] == null ? Double.NaN : tsls[k].stdError());
                double[] ci = values[k].confInt(spec.level());
                low.append(ci[0]);
                high.append(ci[1]);
                n.append(g.size());
            }
        }
        return Table.create("LATEs of " + roles.outcome(), group, estimand, estimate, se, tslsSe, low, high, n);
    }
}
