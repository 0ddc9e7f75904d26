/**
 * A page's static assets and how they are served: discovery in the HTML, fingerprinted names,
 * cache lifetimes, and the CDN in front. Not API.
 */
package dev.preflight.http.internal.assets;
