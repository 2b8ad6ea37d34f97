/** Hyper-parameters, their declared search spaces, and tuners that propose candidates. */
package io.visutility.tuning;
