/**
 * Durable storage for the orchestrator: a model registry and a job queue in SQLite or PostgreSQL, schema
 * kept by Flyway migrations, beside a directory of artifacts.
 */
package io.visutility.store;
