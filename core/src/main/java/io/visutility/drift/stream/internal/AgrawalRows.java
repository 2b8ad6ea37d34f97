package io.visutility.drift.stream.internal;

import io.visutility.drift.stream.RowStream;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The loan-applicant rows of Agrawal, Imielinski and Swami (1993): nine attributes with the paper's
 * distributions and its ten classification functions. Label 1 is the paper's "Group A". The label is
 * decided on the drawn attributes; the numeric ones are then perturbed by a uniform share of their range.
 */
public final class AgrawalRows implements RowStream {
    /** Column names, in order. */
    public static final List<String> FEATURES = List.of(
            "salary", "commission", "age", "elevel", "car", "zipcode", "hvalue", "hyears", "loan");

    private final int function;
    private final double perturbation;
    private final SplittableRandom random;

    /** Rows labelled by {@code function} (1 to 10), numeric attributes perturbed by {@code perturbation} of their range. */
    public AgrawalRows(int function, double perturbation, long seed) {
        this.function = function;
        this.perturbation = perturbation;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public List<String> featureNames() {
        return FEATURES;
    }

    @Override
    public int next(float[] row) {
        double salary = uniform(20_000, 150_000);
        double commission = salary >= 75_000 ? 0 : uniform(10_000, 75_000);
        double age = uniform(20, 80);
        int elevel = random.nextInt(5);
        int car = 1 + random.nextInt(20);
        int zipcode = random.nextInt(9);
        double k = zipcode + 1;
        double hvalue = uniform(0.5 * k * 100_000, 1.5 * k * 100_000);
        double hyears = uniform(1, 30);
        double loan = uniform(0, 500_000);
        int label = label(function, salary, commission, age, elevel, hvalue, hyears, loan) ? 1 : 0;
        row[0] = (float) perturb(salary, 20_000, 150_000);
        row[1] = (float) (commission == 0 ? 0 : perturb(commission, 10_000, 75_000));
        row[2] = (float) perturb(age, 20, 80);
        row[3] = elevel;
        row[4] = car;
        row[5] = zipcode;
        row[6] = (float) perturb(hvalue, 0.5 * k * 100_000, 1.5 * k * 100_000);
        row[7] = (float) perturb(hyears, 1, 30);
        row[8] = (float) perturb(loan, 0, 500_000);
        return label;
    }

    /** Whether an applicant with these attributes is in Group A under {@code function} (1 to 10). */
    public static boolean label(int function, double salary, double commission, double age, int elevel,
                                double hvalue, double hyears, double loan) {
        boolean young = age < 40;
        boolean middle = age >= 40 && age < 60;
        double total = salary + commission;
        return switch (function) {
            case 1 -> young || age >= 60;
            case 2 -> young ? in(salary, 50_000, 100_000)
                    : middle ? in(salary, 75_000, 125_000) : in(salary, 25_000, 75_000);
            case 3 -> young ? elevel <= 1 : middle ? elevel >= 1 && elevel <= 3 : elevel >= 2;
            case 4 -> young ? (elevel <= 1 ? in(salary, 25_000, 75_000) : in(salary, 50_000, 100_000))
                    : middle ? (elevel >= 1 && elevel <= 3 ? in(salary, 50_000, 100_000) : in(salary, 75_000, 125_000))
                    : (elevel >= 2 ? in(salary, 50_000, 100_000) : in(salary, 25_000, 75_000));
            case 5 -> young ? (in(salary, 50_000, 100_000) ? in(loan, 100_000, 300_000) : in(loan, 200_000, 400_000))
                    : middle ? (in(salary, 75_000, 125_000) ? in(loan, 200_000, 400_000) : in(loan, 300_000, 500_000))
                    : (in(salary, 25_000, 75_000) ? in(loan, 300_000, 500_000) : in(loan, 100_000, 300_000));
            case 6 -> young ? in(total, 50_000, 100_000)
                    : middle ? in(total, 75_000, 125_000) : in(total, 25_000, 75_000);
            case 7 -> 0.67 * total - 0.2 * loan - 20_000 > 0;
            case 8 -> 0.67 * total - 5_000 * elevel - 20_000 > 0;
            case 9 -> 0.67 * total - 5_000 * elevel - 0.2 * loan - 10_000 > 0;
            case 10 -> {
                double equity = hyears >= 20 ? 0.1 * hvalue * (hyears - 20) : 0;
                yield 0.67 * total - 5_000 * elevel + 0.2 * equity - 10_000 > 0;
            }
            default -> throw new IllegalArgumentException("function must be within [1, 10], was " + function);
        };
    }

    private static boolean in(double v, double low, double high) {
        return v >= low && v <= high;
    }

    private double uniform(double low, double high) {
        return low + random.nextDouble() * (high - low);
    }

    private double perturb(double v, double low, double high) {
        if (perturbation == 0) {
            return v;
        }
        double moved = v + (high - low) * perturbation * (2 * random.nextDouble() - 1);
        return Math.max(low, Math.min(high, moved));
    }
}
