package dev.tailor.design;

/**
 * One arm of an experiment: its index in the design (0 is always the control) and a readable name.
 *
 * @param index position in the design's arm list; 0 is the control arm
 * @param name  readable name, e.g. "TR" for the ordered pair (teacher, role) or "control"
 */
public record Arm(int index, String name) {

    public Arm {
        if (index < 0) {
            throw new IllegalArgumentException("Arm index must be >= 0, got " + index + " for arm \"" + name + "\".");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Arm " + index + " needs a non-blank name.");
        }
    }

    public boolean isControl() {
        return index == 0;
    }

    @Override
    public String toString() {
        return name;
    }
}
