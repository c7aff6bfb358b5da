/**
 * What sessions run: one {@link dev.benchdeck.driver.jdbc.ops.Operation} per kind (point select to
 * custom SQL) or a weighted {@link dev.benchdeck.driver.jdbc.ops.OperationMix}, the key and parameter
 * generators they draw from, and {@link dev.benchdeck.driver.jdbc.ops.SqlErrorClasses}, which turns a
 * SQLSTATE into an error class.
 */
package dev.benchdeck.driver.jdbc.ops;
