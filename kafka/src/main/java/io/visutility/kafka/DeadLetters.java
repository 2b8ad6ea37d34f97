package io.visutility.kafka;

/**
 * The headers a dead-lettered record carries. Its key and value are the original record's, unchanged.
 */
public final class DeadLetters {
    /** What was wrong, naming the field and the bad value. */
    public static final String ERROR = "visutility-error";
    /** The path of the bad field, such as {@code [3].precision}, {@code body} or {@code key}. */
    public static final String FIELD = "visutility-field";
    /** The topic the record was read from. */
    public static final String SOURCE_TOPIC = "visutility-source-topic";
    /** The partition the record was read from, in decimal. */
    public static final String SOURCE_PARTITION = "visutility-source-partition";
    /** The offset of the record in its partition, in decimal. */
    public static final String SOURCE_OFFSET = "visutility-source-offset";

    private DeadLetters() {
    }
}
