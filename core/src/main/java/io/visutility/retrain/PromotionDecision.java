package io.visutility.retrain;

/**
 * The gate's verdict on a candidate, with the numbers behind it.
 *
 * @param promote        whether the candidate should become champion
 * @param metric         the metric compared
 * @param candidateValue the candidate's value on the holdout
 * @param championValue  the champion's value on the same holdout, or NaN when there is no champion
 * @param reason         the verdict in words, with both sides' numbers
 * @param rule           which rule decided: {@code no-champion}, {@code improvement}, {@code guard:<metric>},
 *                       or {@code earlier-attempt} when an earlier attempt of the job had already promoted
 */
public record PromotionDecision(boolean promote, String metric, double candidateValue, double championValue,
                                String reason, String rule) {

    /** A verdict decided by the {@code improvement} rule. */
    public PromotionDecision(boolean promote, String metric, double candidateValue, double championValue,
                             String reason) {
        this(promote, metric, candidateValue, championValue, reason, "improvement");
    }
}
