/** Scoring that is not fooled by popularity or activity: pair counts, the null model, significance. */
package org.vigil.coordination.score;
