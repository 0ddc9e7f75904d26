/**
 * Paths a user names to a probe, asked one by one: reading the setting, visiting a path as an
 * anonymous visitor, reading a refusal or a login redirect, and folding each path's finding into
 * one result. Not API.
 */
package dev.preflight.http.internal.paths;
