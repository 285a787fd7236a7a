/** Primitive collections and hashing used by the detectors; may change without notice. */
package org.vigil.coordination.internal;
