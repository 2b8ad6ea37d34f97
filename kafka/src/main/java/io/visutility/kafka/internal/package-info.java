/** How the Kafka adapters work. Unsupported: may change without notice; use {@link io.visutility.kafka}. */
package io.visutility.kafka.internal;
