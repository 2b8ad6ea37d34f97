/**
 * Implementation detail of the command-line client (tables, JSON look-ups, report charts and page).
 * Unsupported: these types may change or go away without notice.
 */
package io.visutility.server.client.internal;
