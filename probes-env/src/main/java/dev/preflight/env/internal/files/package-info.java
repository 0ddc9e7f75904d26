/**
 * Helpers of the probes that look at an environment file on disk rather than at its values: where the
 * file is, its POSIX mode, git, the development files beside it and the key files it names. Not API:
 * may change in any release.
 */
package dev.preflight.env.internal.files;
