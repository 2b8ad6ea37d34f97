/** The orchestrator's metrics in Prometheus form, served at {@code GET /metrics}. */
package io.visutility.server.metrics;
