/** vigil-coordination. */
package org.vigil.coordination;
