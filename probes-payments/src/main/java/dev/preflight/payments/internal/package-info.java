/** How the payment probes work: key shapes, the deployment stage and a bounded client for the providers' APIs. Not API. */
package dev.preflight.payments.internal;
