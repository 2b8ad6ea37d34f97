/**
 * Command-line client of a running VisuTility server: {@code models}, {@code versions}, {@code promote},
 * {@code rollback}, {@code push}, {@code retrain}, {@code jobs} and {@code report}. Each command talks to the
 * HTTP API under {@code /api/v1} and exits with 0 when it worked, 1 when the server refused or could not
 * be reached, and 2 for a usage error.
 */
package io.visutility.server.client;
