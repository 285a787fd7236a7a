/** Community detection on the account graph: Louvain with a connectivity refinement. */
package org.vigil.coordination.community;
