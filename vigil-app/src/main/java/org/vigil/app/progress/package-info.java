/** The progress bar every long command draws on a terminal, and its {@code --progress} switch. */
package org.vigil.app.progress;
