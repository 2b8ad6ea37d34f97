/** Watches models' metrics and decides, per incident, when a model has really degraded. */
package io.visutility.monitor;
