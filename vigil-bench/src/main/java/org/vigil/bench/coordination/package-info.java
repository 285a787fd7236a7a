/** Benchmarks of the coordination detector: JMH for its kernels, a whole-run timer for the pipeline. */
package org.vigil.bench.coordination;
