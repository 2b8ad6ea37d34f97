/** Implementation detail of {@link io.visutility.ingest}; unsupported, may change without notice. */
package io.visutility.ingest.internal;
