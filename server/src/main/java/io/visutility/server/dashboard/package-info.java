/** The web dashboard: static files served beside the HTTP API. */
package io.visutility.server.dashboard;
