/** What Vigil writes to a terminal: terminal-safe text. The CSV writer is {@code org.vigil.output.Csv}. */
package org.vigil.app.output;
