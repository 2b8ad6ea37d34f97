/**
 * The orchestrator as one object: a store, the monitor and its event bus, the retrain workers and the
 * declared models, with the operations the HTTP API, the command line, Kafka and the demo all go through.
 */
package io.visutility.server.app;
