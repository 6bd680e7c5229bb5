package dev.tailor.design;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The arms of an experiment in a fixed order: the control first (index 0), then the treatments 1..K.
 *
 * <pre>{@code
 * Arms pairs = Arms.orderedPairs("T", "P", "R", "F").withControl("control");   // control, TT, TP, ..., FF
 * Arms singles = Arms.of("T", "P", "R", "F").withControl("control");           // control, T, P, R, F
 * }</pre>
 */
public final class Arms {

    private final List<Arm> arms;

    private Arms(List<String> names) {
        // Names must be unique so that lookups by name are unambiguous.
        if (new LinkedHashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("Arm names must be unique, got " + names + ".");
        }
        List<Arm> list = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            list.add(new Arm(i, names.get(i)));
        }
        this.arms = List.copyOf(list);
    }

    /** Treatments named in order; call {@link Treatments#withControl(String)} to complete the catalog. */
    public static Treatments of(String... treatments) {
        return new Treatments(List.of(treatments));
    }

    /**
     * Every ordered pair (first, second) of the messages, including a message paired with itself, in
     * lexicographic order of the given messages: for T, P it is TT, TP, PT, PP. Names are the two codes joined.
     */
    public static Treatments orderedPairs(String... messages) {
        List<String> pairs = new ArrayList<>(messages.length * messages.length);
        for (String first : messages) {
            for (String second : messages) {
                pairs.add(first + second);
            }
        }
        return new Treatments(pairs);
    }

    /** Default names for K treatments: control, arm 1, ..., arm K. */
    public static Arms numbered(int treatments) {
        if (treatments < 1) {
            throw new IllegalArgumentException("An experiment needs at least 1 treatment arm besides control, got " + treatments + ".");
        }
        List<String> names = new ArrayList<>();
        for (int k = 1; k <= treatments; k++) {
            names.add("arm " + k);
        }
        return new Treatments(names).withControl("control");
    }

    /** The treatment names of a catalog still waiting for its control arm. */
    public record Treatments(List<String> names) {

        public Treatments {
            names = List.copyOf(names);
            if (names.isEmpty()) {
                throw new IllegalArgumentException("An experiment needs at least 1 treatment arm besides control, got none.");
            }
        }

        /** Completes the catalog with the control arm, which gets index 0. */
        public Arms withControl(String controlName) {
            List<String> all = new ArrayList<>();
            all.add(controlName);
            all.addAll(names);
            return new Arms(all);
        }
    }

    /** All arms, control first. */
    public List<Arm> all() {
        return arms;
    }

    /** The treatment arms 1..K (everything but control). */
    public List<Arm> treatments() {
        return arms.subList(1, arms.size());
    }

    public Arm control() {
        return arms.get(0);
    }

    /** Number of arms including control (K + 1). */
    public int size() {
        return arms.size();
    }

    public Arm get(int index) {
        if (index < 0 || index >= arms.size()) {
            throw new IllegalArgumentException("Arm index " + index + " is outside 0.." + (arms.size() - 1)
                    + " (" + arms.size() + " arms: " + names() + ").");
        }
        return arms.get(index);
    }

    /** The arm with this name; the error lists the names that exist. */
    public Arm get(String name) {
        for (Arm arm : arms) {
            if (arm.name().equals(name)) {
                return arm;
            }
        }
        throw new IllegalArgumentException("No arm named \"" + name + "\". Arms: " + names() + ".");
    }

    public List<String> names() {
        return arms.stream().map(Arm::name).toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Arms that && arms.equals(that.arms);
    }

    @Override
    public int hashCode() {
        return arms.hashCode();
    }

    @Override
    public String toString() {
        return arms.stream().map(Arm::name).collect(Collectors.joining(", ", "Arms[", "]"));
    }
}
