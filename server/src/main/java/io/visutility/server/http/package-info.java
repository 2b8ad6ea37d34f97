/**
 * The HTTP API under {@code /api/v1}: JSON in and out, bearer-token roles, one error shape, and an
 * OpenAPI description made from the same route table the server registers.
 */
package io.visutility.server.http;
