/**
 * {@code vigil serve}: the analyst's dashboard and its REST API over a store opened read-only.
 * Every endpoint is declared once ({@link org.vigil.app.serve.Endpoint}) with its parameters, so
 * the validation and the OpenAPI document come from the same table.
 */
package org.vigil.app.serve;
