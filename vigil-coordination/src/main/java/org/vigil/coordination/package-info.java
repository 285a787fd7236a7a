/**
 * vigil-coordination: finds networks of accounts that act in concert. Start at
 * {@link org.vigil.coordination.CoordinationEngine}; the in-process engine is
 * {@link org.vigil.coordination.InProcessCoordinationEngine}. Detectors live in {@code detect},
 * significance in {@code score}, community search in {@code community}, evidence in {@code characterise}.
 */
package org.vigil.coordination;
