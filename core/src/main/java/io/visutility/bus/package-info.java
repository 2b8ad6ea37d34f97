/** The Observer pattern of the original design, made safe: bounded per-subscriber queues, isolated failures. */
package io.visutility.bus;
