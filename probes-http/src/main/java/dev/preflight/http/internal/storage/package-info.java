/** Where an object storage bucket answers, and how to read its S3 answers; not part of the public API. */
package dev.preflight.http.internal.storage;
