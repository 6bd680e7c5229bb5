package dev.tailor.datasets;

/**
 * Realized outcomes of one phase, one entry per person in the order the arms were given.
 *
 * @param login     1 if the student logged in during the observation window (the primary outcome)
 * @param minutes   minutes on the platform in the window; 0 when login is 0
 * @param exercises exercises completed in the window; 0 when login is 0, at least 1 otherwise
 */
public record Outcomes(int[] login, double[] minutes, int[] exercises) {

    public Outcomes {
        if (login.length != minutes.length || login.length != exercises.length) {
            throw new IllegalArgumentException("Outcome arrays must have one entry per person, got login "
                    + login.length + ", minutes " + minutes.length + ", exercises " + exercises.length + ".");
        }
        login = login.clone();
        minutes = minutes.clone();
        exercises = exercises.clone();
    }

    @Override
    public int[] login() {
        return login.clone();
    }

    @Override
    public double[] minutes() {
        return minutes.clone();
    }

    @Override
    public int[] exercises() {
        return exercises.clone();
    }

    public int size() {
        return login.length;
    }

    /** The share of people who logged in. */
    public double loginRate() {
        double sum = 0;
        for (int y : login) {
            sum += y;
        }
        return login.length == 0 ? Double.NaN : sum / login.length;
    }
}
