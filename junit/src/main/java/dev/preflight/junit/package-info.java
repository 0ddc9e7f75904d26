/** JUnit 5 integration. Filled by a later issue. */
package dev.preflight.junit;
