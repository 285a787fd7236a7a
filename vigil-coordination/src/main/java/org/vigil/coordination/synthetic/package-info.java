/** Seeded synthetic post sets with planted coordinated groups, for the demo, tests and benchmarks. */
package org.vigil.coordination.synthetic;
