/** The retrain loop: the observer that reacts to drift, the pipeline that retrains, the gate that promotes. */
package io.visutility.retrain;
