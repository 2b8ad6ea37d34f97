/**
 * VisuTility Orchestrator: watches models in production and retrains, registers and promotes them when
 * they really degrade. Start with {@link io.visutility.monitor.ModelMonitor} and
 * {@link io.visutility.retrain.AdaptiveRetrainObserver}.
 */
package io.visutility;
