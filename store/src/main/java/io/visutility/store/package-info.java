/**
 * Durable storage for the orchestrator: a model registry in SQLite or PostgreSQL, schema kept by Flyway
 * migrations, beside a directory of artifacts.
 */
package io.visutility.store;
