/**
 * The files Vigil writes for people, spreadsheets and Gephi: the one CSV writer (quoted, formulas guarded),
 * the {@code vigil coordinate} output folder ({@link org.vigil.output.CoordinationOutputs}) and its
 * {@code quarantine.csv} ({@link org.vigil.output.QuarantineFile}). The CLI and the Flink job both write
 * through these, so a folder from either engine reads the same.
 */
package org.vigil.output;
