/** Training: the {@link io.visutility.training.Trainer} port, data sets and seeded data generators. */
package io.visutility.training;
