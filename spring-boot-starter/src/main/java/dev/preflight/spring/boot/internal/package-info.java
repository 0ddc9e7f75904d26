/** The starter's machinery behind {@link dev.preflight.spring.boot.PreflightAutoConfiguration}; not an API. */
package dev.preflight.spring.boot.internal;
