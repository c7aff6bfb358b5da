/**
 * Where login credentials come from: a fixed password (inline or from an environment variable) or
 * Databricks Lakebase OAuth tokens fetched through the Databricks SDK, cached and refreshed before
 * they expire. {@link dev.benchdeck.driver.jdbc.credentials.CredentialProviders} picks one per target.
 */
package dev.benchdeck.driver.jdbc.credentials;
