/**
 * The audit log: who (the signed-in user, from Spring Security's context), when, from which address,
 * did what to which object; never a secret. Read through {@code GET /api/v1/audit}, kept for a
 * configurable time and deleted by a daily job.
 */
package dev.benchdeck.server.audit;
