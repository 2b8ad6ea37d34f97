/**
 * Our drift detectors beside MOA's: the pairs compared for equal detection indices and for throughput.
 * Not shipped: MOA (GPL) is a dependency of the bench module only.
 */
package io.visutility.bench.drift;
