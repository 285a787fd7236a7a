/** What a network is: evidence (shared objects with times), state-media amplification, candidate lean. */
package org.vigil.coordination.characterise;
