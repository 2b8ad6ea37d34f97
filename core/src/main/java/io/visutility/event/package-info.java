/** The events a monitored model goes through, from a metric sample to a promotion. */
package io.visutility.event;
