/** How the payment probes work: key shapes, the deployment stage and a bounded client for the providers' APIs, and the test events, poster and verdict of the webhook-signature probes. Not API. */
package dev.preflight.payments.internal;
