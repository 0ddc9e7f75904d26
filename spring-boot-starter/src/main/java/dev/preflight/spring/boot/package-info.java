/**
 * Preflight in a Spring Boot application: configuration properties, auto-configuration, an Actuator
 * health contributor and a start-up gate.
 */
package dev.preflight.spring.boot;
