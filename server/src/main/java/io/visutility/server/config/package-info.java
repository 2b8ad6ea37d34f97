/** Configuration files the server reads: search spaces declared in JSON or YAML. */
package io.visutility.server.config;
