/** vigil-ingest. */
package org.vigil.ingest;
