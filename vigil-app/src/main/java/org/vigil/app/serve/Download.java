package org.vigil.app.serve;

/** An endpoint's answer that is a file to save rather than JSON to read: sent with Content-Disposition: attachment. */
record Download(String contentType, String fileName, byte[] bytes) {
}
