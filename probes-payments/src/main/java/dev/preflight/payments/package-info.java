/**
 * Probes of Stripe and Razorpay accounts: live keys where the target is production, and keys the
 * provider accepts on a read-only request.
 */
package dev.preflight.payments;
