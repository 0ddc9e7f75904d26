/**
 * Vendor knowledge about payment keys that more than one probe module needs: which prefixes mark a
 * Stripe or Razorpay key live or test. Holds no probes, so depending on it discovers nothing.
 */
package dev.preflight.paymentkeys;
