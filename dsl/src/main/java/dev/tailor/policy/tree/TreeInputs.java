package dev.tailor.policy.tree;

import dev.tailor.data.Columns;
import dev.tailor.data.DataException;
import dev.tailor.render.Fmt;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/** Covariates (column-major) and rewards checked against each other, ready for a search. */
record TreeInputs(double[][] x, List<String> features, RewardMatrix rewards) {

    int n() {
        return rewards.rows();
    }

    static TreeInputs of(Table covariates, List<String> features, RewardMatrix rewards) {
        List<String> names = features.isEmpty() ? covariates.columnNames() : features;
        checkFeatures(names);
        checkRows(covariates.rowCount(), rewards);
        double[][] x = new double[names.size()][];
        for (int j = 0; j < names.size(); j++) {
            x[j] = Columns.numeric(covariates, names.get(j), "a policy-tree feature");
        }
        return new TreeInputs(x, List.copyOf(names), rewards);
    }

    static TreeInputs of(double[][] rows, String[] names, List<String> features, RewardMatrix rewards) {
        checkRows(rows.length, rewards);
        List<String> all = List.of(names);
        List<String> chosen = features.isEmpty() ? all : features;
        checkFeatures(chosen);
        double[][] x = new double[chosen.size()][rows.length];
        for (int j = 0; j < chosen.size(); j++) {
            int column = all.indexOf(chosen.get(j));
            if (column < 0) {
                throw new DataException("Feature \"" + chosen.get(j) + "\" is not among the " + all.size()
                        + " covariate names. Available: " + String.join(", ", all) + ".");
            }
            for (int i = 0; i < rows.length; i++) {
                if (rows[i].length != names.length) {
                    throw new DataException("Covariate row " + i + " has " + rows[i].length + " values; expected "
                            + names.length + " (one per name: " + String.join(", ", all) + ").");
                }
                double v = rows[i][column];
                if (!Double.isFinite(v)) {
                    throw new DataException("Covariate \"" + chosen.get(j) + "\" is " + v + " in row " + i
                            + "; policy trees need finite covariates. Drop or impute that row first.");
                }
                x[j][i] = v;
            }
        }
        return new TreeInputs(x, List.copyOf(chosen), rewards);
    }

    private static void checkFeatures(List<String> names) {
        if (names.isEmpty()) {
            throw new DataException("There are no covariates to split on; pass a table with at least one number column"
                    + " or name the features with features(...).");
        }
        if (new java.util.HashSet<>(names).size() < names.size()) {
            throw new DataException("Features " + names + " name a column twice; list each feature once.");
        }
    }

    private static void checkRows(int covariateRows, RewardMatrix rewards) {
        if (covariateRows != rewards.rows()) {
            throw new DataException("The covariates have " + Fmt.count(covariateRows) + " rows but the reward matrix has "
                    + Fmt.count(rewards.rows()) + ". Pass one reward row per covariate row, in the same order.");
        }
    }

    /** The covariates of a subset of rows, with the matching rewards. */
    TreeInputs select(int[] index) {
        double[][] sub = new double[x.length][index.length];
        for (int j = 0; j < x.length; j++) {
            for (int r = 0; r < index.length; r++) {
                sub[j][r] = x[j][index[r]];
            }
        }
        return new TreeInputs(sub, features, rewards.select(index));
    }

    ExactSearch search(int splitStep, int minNodeSize) {
        return new ExactSearch(x, rewards.flat(), rewards.actionCount(), splitStep, minNodeSize);
    }

    /** The exact depth-≤depth tree on these inputs. */
    ExactSearch.Proto exact(int depth, int splitStep, int minNodeSize, int threads) {
        return search(splitStep, minNodeSize).solve(depth, threads);
    }

    /** Rows (indices into these inputs) on each side of a split. */
    int[][] split(int feature, double threshold) {
        List<Integer> left = new ArrayList<>();
        List<Integer> right = new ArrayList<>();
        for (int i = 0; i < n(); i++) {
            (x[feature][i] <= threshold ? left : right).add(i);
        }
        return new int[][] {left.stream().mapToInt(Integer::intValue).toArray(),
                right.stream().mapToInt(Integer::intValue).toArray()};
    }

    /** Collapses every split whose two children are leaves with the same action (the reward is unchanged). */
    static ExactSearch.Proto prune(ExactSearch.Proto proto) {
        if (proto.leaf()) {
            return proto;
        }
        ExactSearch.Proto left = prune(proto.left());
        ExactSearch.Proto right = prune(proto.right());
        if (left.leaf() && right.leaf() && left.action() == right.action()) {
            return left;
        }
        return new ExactSearch.Proto(proto.feature(), proto.threshold(), left, right, -1);
    }

    /** Turns a found tree into public nodes with the training counts and rewards of each leaf. */
    PolicyNode summarize(ExactSearch.Proto proto) {
        int[] all = new int[n()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return summarize(proto, all);
    }

    private PolicyNode summarize(ExactSearch.Proto proto, int[] units) {
        if (proto.leaf()) {
            double sum = 0;
            for (int u : units) {
                sum += rewards.get(u, proto.action());
            }
            return new PolicyNode.Leaf(proto.action(), rewards.actions().get(proto.action()), units.length, sum);
        }
        List<Integer> left = new ArrayList<>();
        List<Integer> right = new ArrayList<>();
        for (int u : units) {
            (x[proto.feature()][u] <= proto.threshold() ? left : right).add(u);
        }
        return new PolicyNode.Split(proto.feature(), features.get(proto.feature()), proto.threshold(),
                summarize(proto.left(), left.stream().mapToInt(Integer::intValue).toArray()),
                summarize(proto.right(), right.stream().mapToInt(Integer::intValue).toArray()));
    }
}
