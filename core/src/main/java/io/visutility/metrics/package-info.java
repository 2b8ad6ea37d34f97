/** Quality figures of a model: reported precision/recall/F1 and metrics computed from scored data. */
package io.visutility.metrics;
