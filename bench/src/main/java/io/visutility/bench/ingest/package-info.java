/** Ingestion benchmarks: metric reports over HTTP into the real service, with in-process baselines. */
package io.visutility.bench.ingest;
