/**
 * Probes of Stripe and Razorpay accounts: live keys where the target is production, keys the
 * provider accepts on a read-only request, and (sending test events, only when named) webhook
 * endpoints that reject forged events.
 */
package dev.preflight.payments;
