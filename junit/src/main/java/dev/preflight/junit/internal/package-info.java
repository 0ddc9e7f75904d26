/** The Jupiter extension behind {@code @PreflightCheck} and the mapping of outcomes to dynamic tests; not API. */
package dev.preflight.junit.internal;
