/** Benchmarks: JMH kernels and whole-run bench commands. */
package org.vigil.bench;
