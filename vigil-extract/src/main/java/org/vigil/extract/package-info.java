/** vigil-extract. */
package org.vigil.extract;
