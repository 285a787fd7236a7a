/** The nouns of Vigil as immutable records and enums; depends on the JDK only. */
package org.vigil.model;
