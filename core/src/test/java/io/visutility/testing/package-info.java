/** Test fixtures shared by every module's tests: a hand-moved clock and a timer driven by it. */
package io.visutility.testing;
