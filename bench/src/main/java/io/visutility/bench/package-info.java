/**
 * JMH benchmarks of the monitor, the event bus and the store, each measured beside a baseline in the same
 * run. Not shipped: built only as the executable {@code visutility-bench.jar}.
 */
package io.visutility.bench;
