/** The built-in {@link io.visutility.training.Trainer}: gradient-boosted trees on XGBoost4J. */
package io.visutility.xgboost;
