/** Benchmarks of reading post exports (the ingest module's readers), apart from detection. */
package org.vigil.bench.ingest;
