/**
 * JMH benchmarks of the monitor and the event bus, each measured beside a plain-JDK baseline in the same
 * run. Not shipped: built only as the executable {@code visutility-bench.jar}.
 */
package io.visutility.bench;
