package dev.tailor.policy.tree;

import dev.tailor.data.Columns;
import dev.tailor.data.DataException;
import dev.tailor.render.Fmt;
import dev.tailor.render.Html;
import dev.tailor.render.Report;
import dev.tailor.render.Rendered;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A fitted policy tree: the splits, the action of each leaf and the training reward. Immutable. Prints as a
 * table of leaves with their rules and a text diagram; {@link #table()} has one row per leaf.
 */
public final class PolicyTreeFit implements Rendered {

    private final String method;
    private final List<String> features;
    private final List<String> actions;
    private final PolicyNode root;

    PolicyTreeFit(String method, List<String> features, List<String> actions, PolicyNode root) {
        this.method = method;
        this.features = List.copyOf(features);
        this.actions = List.copyOf(actions);
        this.root = root;
    }

    /** How the tree was found, e.g. "exact search, depth 2". */
    public String method() {
        return method;
    }

    /** The features the tree may split on, in the order {@link #predict(double[][])} expects them. */
    public List<String> features() {
        return features;
    }

    /** The action names (reward columns) in index order. */
    public List<String> actions() {
        return actions;
    }

    /** The root node. */
    public PolicyNode root() {
        return root;
    }

    /** Depth of the fitted tree (after pruning leaves with equal actions). */
    public int depth() {
        return root.depth();
    }

    /** Training units. */
    public int n() {
        return root.n();
    }

    /** Total training reward Σ_i Γ[i, action(x_i)], the objective the search maximized. */
    public double reward() {
        return root.reward();
    }

    /** Mean training reward per unit. */
    public double meanReward() {
        return reward() / n();
    }

    /** The action index for each row of {@code covariates}, which must hold every feature as a number column. */
    public int[] predict(Table covariates) {
        double[][] columns = new double[features.size()][];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = Columns.numeric(covariates, features.get(j), "a policy-tree feature");
        }
        int[] out = new int[covariates.rowCount()];
        double[] row = new double[columns.length];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < columns.length; j++) {
                row[j] = columns[j][i];
            }
            out[i] = route(row).action();
        }
        return out;
    }

    /** The action index for each row; columns are the {@link #features()} in order. */
    public int[] predict(double[][] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != features.size()) {
                throw new DataException("Row " + i + " has " + rows[i].length + " values; expected " + features.size()
                        + " (" + String.join(", ", features) + ").");
            }
            out[i] = route(rows[i]).action();
        }
        return out;
    }

    /**
     * The leaf number (1 = leftmost, as in {@link #table()} and {@link #rules()}) for each row; columns are the
     * {@link #features()} in order. Units with the same leaf number form one policy group.
     */
    public int[] leaf(double[][] rows) {
        List<PolicyNode.Leaf> leaves = leaves();
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            PolicyNode.Leaf reached = route(rows[i]);
            for (int l = 0; l < leaves.size(); l++) {
                if (leaves.get(l) == reached) {
                    out[i] = l + 1;
                }
            }
        }
        return out;
    }

    private PolicyNode.Leaf route(double[] row) {
        PolicyNode node = root;
        while (node instanceof PolicyNode.Split split) {
            double v = row[split.feature()];
            if (Double.isNaN(v)) {
                throw new DataException("Feature \"" + split.featureName() + "\" is NaN; a policy tree cannot route a"
                        + " missing value. Impute or drop the row.");
            }
            node = v <= split.threshold() ? split.left() : split.right();
        }
        return (PolicyNode.Leaf) node;
    }

    /** The leaves from left to right. */
    public List<PolicyNode.Leaf> leaves() {
        List<PolicyNode.Leaf> out = new ArrayList<>();
        collect(root, new ArrayList<>(), out, null);
        return out;
    }

    /** One rule per leaf, e.g. "if math_z <= 0.31 and grade > 2 then TR". */
    public List<String> rules() {
        List<String> paths = new ArrayList<>();
        List<PolicyNode.Leaf> leaves = new ArrayList<>();
        collect(root, new ArrayList<>(), leaves, paths);
        List<String> out = new ArrayList<>();
        for (int l = 0; l < leaves.size(); l++) {
            out.add(paths.get(l).isEmpty() ? "always " + leaves.get(l).actionName()
                    : "if " + paths.get(l) + " then " + leaves.get(l).actionName());
        }
        return out;
    }

    private static void collect(PolicyNode node, List<String> path, List<PolicyNode.Leaf> leaves, List<String> paths) {
        if (node instanceof PolicyNode.Split split) {
            path.add(split.featureName() + " <= " + number(split.threshold()));
            collect(split.left(), path, leaves, paths);
            path.set(path.size() - 1, split.featureName() + " > " + number(split.threshold()));
            collect(split.right(), path, leaves, paths);
            path.remove(path.size() - 1);
        } else {
            leaves.add((PolicyNode.Leaf) node);
            if (paths != null) {
                paths.add(String.join(" and ", path));
            }
        }
    }

    /** The tree as indented text, one line per node. */
    public String diagram() {
        StringBuilder out = new StringBuilder();
        draw(root, "", "", out);
        return out.toString();
    }

    private static void draw(PolicyNode node, String lead, String childLead, StringBuilder out) {
        if (node instanceof PolicyNode.Split split) {
            out.append(lead).append(split.featureName()).append(" <= ").append(number(split.threshold()))
                    .append("  (n = ").append(Fmt.count(split.n())).append(")\n");
            draw(split.left(), childLead + "├─ yes: ", childLead + "│  ", out);
            draw(split.right(), childLead + "└─ no:  ", childLead + "   ", out);
        } else {
            PolicyNode.Leaf leaf = (PolicyNode.Leaf) node;
            out.append(lead).append(leaf.actionName()).append("  (n = ").append(Fmt.count(leaf.n()))
                    .append(", mean reward ").append(number(leaf.meanReward(), 4)).append(")\n");
        }
    }

    /** A drawing of the tree (PNG or SVG), for notebooks and reports. */
    public PolicyTreePlot plot() {
        return new PolicyTreePlot(this);
    }

    /** A threshold or reward for display: integers as integers, otherwise 6 significant digits. */
    static String number(double v) {
        return number(v, 6);
    }

    /** As {@link #number(double)} with {@code digits} significant digits (integers stay whole). */
    static String number(double v, int digits) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }

    private Report report() {
        List<String> rules = rules();
        List<PolicyNode.Leaf> leaves = leaves();
        List<List<String>> rows = new ArrayList<>();
        for (int l = 0; l < leaves.size(); l++) {
            PolicyNode.Leaf leaf = leaves.get(l);
            rows.add(List.of(Integer.toString(l + 1), rules.get(l), leaf.actionName(), Fmt.count(leaf.n()),
                    number(leaf.meanReward(), 4)));
        }
        String title = "Policy tree (" + method + "), n = " + Fmt.count(n()) + ", " + actions.size()
                + " actions: total reward " + number(reward()) + " (mean " + number(meanReward(), 4) + ")";
        return new Report(title, List.of("leaf", "rule", "action", "n", "mean reward"), rows,
                List.of("Features: " + String.join(", ", features) + ". x <= threshold goes left (yes)."));
    }

    @Override
    public String toString() {
        return report().text() + "\n" + diagram();
    }

    @Override
    public String toHtml() {
        return report().html() + "\n<pre>" + Html.escape(diagram()) + "</pre>";
    }

    /** One row per leaf: leaf number, rule, action, action index, n, mean and total reward. */
    @Override
    public Table table() {
        List<PolicyNode.Leaf> leaves = leaves();
        List<String> rules = rules();
        IntColumn leaf = IntColumn.create("leaf");
        StringColumn rule = StringColumn.create("rule");
        StringColumn action = StringColumn.create("action");
        IntColumn actionIndex = IntColumn.create("action_index");
        IntColumn count = IntColumn.create("n");
        DoubleColumn mean = DoubleColumn.create("mean_reward");
        DoubleColumn total = DoubleColumn.create("total_reward");
        for (int l = 0; l < leaves.size(); l++) {
            PolicyNode.Leaf node = leaves.get(l);
            leaf.append(l + 1);
            rule.append(rules.get(l));
            action.append(node.actionName());
            actionIndex.append(node.action());
            count.append(node.n());
            mean.append(node.meanReward());
            total.append(node.reward());
        }
        return Table.create("policy tree leaves", leaf, rule, action, actionIndex, count, mean, total);
    }
}
