/** Which US election cycle a claim or incident is about, read from its sentence, its article and its date. */
package org.vigil.extract.cycle;
