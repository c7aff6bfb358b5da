/** {@code benchdeck import openapi}: a starting journey plan from an OpenAPI 3 document, one step per operation. */
package dev.benchdeck.driver.http.openapi;
