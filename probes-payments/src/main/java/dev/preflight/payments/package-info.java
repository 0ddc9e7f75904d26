/** Probes of Stripe and Razorpay accounts. Filled by a later issue. */
package dev.preflight.payments;
