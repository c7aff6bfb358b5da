/**
 * Who is asking and what they may do: the filter chain (sessions, Bearer tokens, CSRF, rate limits,
 * the account gate for forced password changes and TOTP enrolment), roles, and the 401/403/429 problems.
 */
package dev.benchdeck.server.security;
