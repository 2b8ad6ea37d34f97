/**
 * Training: the {@link io.visutility.training.Trainer} port, data sets, seeded data generators, and
 * {@link io.visutility.training.ProcessTrainer}, which runs the user's own training program.
 */
package io.visutility.training;
