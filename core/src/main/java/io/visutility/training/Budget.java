package io.visutility.training;

import java.util.Locale;
import java.util.Objects;

/**
 * How much compute one trial may spend, so a scheduler such as successive halving can try many
 * candidates cheaply and give the full budget only to the promising ones.
 * <ul>
 *   <li>{@link Unit#FULL}: train as the parameters say;</li>
 *   <li>{@link Unit#ROUNDS}: at most {@code amount} training rounds (boosting rounds, epochs), overriding the
 *       parameter that sets them (XGBoost's {@code n_estimators});</li>
 *   <li>{@link Unit#FRACTION}: fit on the first {@code amount} share, in (0, 1], of the training rows.</li>
 * </ul>
 *
 * @param unit   what the amount counts
 * @param amount rounds (a whole number >= 1), a fraction in (0, 1], or 1 for FULL
 */
public record Budget(Unit unit, double amount) {

    /** What a budget's amount counts. */
    public enum Unit {
        /** No limit beyond the parameters. */
        FULL,
        /** Training rounds. */
        ROUNDS,
        /** Share of the training rows. */
        FRACTION
    }

    private static final Budget FULL_BUDGET = new Budget(Unit.FULL, 1);

    /** Checks the amount against the unit. */
    public Budget {
        Objects.requireNonNull(unit, "unit");
        switch (unit) {
            case FULL -> {
                if (amount != 1) {
                    throw new TrainingException("a FULL budget has amount 1, was " + amount);
                }
            }
            case ROUNDS -> {
                if (!(amount >= 1) || amount != Math.rint(amount) || amount > Integer.MAX_VALUE) {
                    throw new TrainingException("budget rounds must be a whole number >= 1, was " + amount);
                }
            }
            case FRACTION -> {
                if (!(amount > 0 && amount <= 1)) {
                    throw new TrainingException("budget fraction must be within (0, 1], was " + amount);
                }
            }
        }
    }

    /** Train as the parameters say. */
    public static Budget full() {
        return FULL_BUDGET;
    }

    /** At most {@code rounds} training rounds. */
    public static Budget rounds(int rounds) {
        return new Budget(Unit.ROUNDS, rounds);
    }

    /** Fit on the first {@code fraction} of the training rows. */
    public static Budget fraction(double fraction) {
        return new Budget(Unit.FRACTION, fraction);
    }

    /**
     * Reads the form {@link #toString()} writes: {@code full}, {@code rounds:50} or {@code fraction:0.25}.
     *
     * @throws TrainingException naming the text when it is not such a budget
     */
    public static Budget parse(String text) {
        if (text == null) {
            throw new TrainingException("budget must not be null");
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("full")) {
            return full();
        }
        int colon = t.indexOf(':');
        if (colon > 0) {
            String unit = t.substring(0, colon);
            String amount = t.substring(colon + 1);
            try {
                if (unit.equals("rounds")) {
                    return rounds(Integer.parseInt(amount));
                }
                if (unit.equals("fraction")) {
                    return fraction(Double.parseDouble(amount));
                }
            } catch (NumberFormatException e) {
                throw new TrainingException("budget amount must be a number, was '" + text + "'");
            }
        }
        throw new TrainingException("budget must be full, rounds:<n> or fraction:<f>, was '" + text + "'");
    }

    /** Whether this is the unlimited budget. */
    public boolean isFull() {
        return unit == Unit.FULL;
    }

    /** The rows of {@code train} this budget allows: all of them, or the first share for FRACTION (at least one). */
    public Dataset rowsOf(Dataset train) {
        if (unit != Unit.FRACTION || amount >= 1) {
            return train;
        }
        int rows = Math.max(1, (int) Math.ceil(train.rows() * amount));
        return train.slice(0, rows);
    }

    @Override
    public String toString() {
        return switch (unit) {
            case FULL -> "full";
            case ROUNDS -> "rounds:" + (long) amount;
            case FRACTION -> "fraction:" + amount;
        };
    }
}
