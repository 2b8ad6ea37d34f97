/** {@code visutility serve}: the orchestrator, its HTTP API and its store, started from a configuration. */
package io.visutility.server.serve;
