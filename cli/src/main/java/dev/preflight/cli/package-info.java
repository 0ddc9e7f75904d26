/**
 * The {@code preflight} command line: {@code check} runs probes and writes reports, {@code list}
 * shows the probes on the class path. Exit codes: 0 = no FAIL or ERROR (with {@code --strict}, no
 * WARN either), 1 = some FAIL or ERROR, 2 = usage or configuration error, 3 = Preflight itself failed.
 */
package dev.preflight.cli;
