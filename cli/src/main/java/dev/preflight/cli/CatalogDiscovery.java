package dev.preflight.cli;

import dev.preflight.ProbeCatalog;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Probe discovery begun on a thread of its own as soon as {@code preflight check} starts, so that
 * it overlaps the parsing of the command line instead of following it: discovery reads the jar's
 * services files and instantiates every probe on the class path (~30 ms of an offline env check),
 * while building and running picocli's model takes the main thread about as long.
 */
final class CatalogDiscovery {
    private final FutureTask<ProbeCatalog> task;

    private CatalogDiscovery(FutureTask<ProbeCatalog> task) {
        this.task = task;
    }

    /**
     * @param classLoader where to look for probes
     * @return a discovery that runs when its catalog is first asked for, unless begun before
     */
    static CatalogDiscovery of(ClassLoader classLoader) {
        return new CatalogDiscovery(new FutureTask<>(() -> ProbeCatalog.discover(classLoader)));
    }

    /**
     * Begins the discovery on a daemon thread: a run stopped by a usage error does not wait for it.
     *
     * @return this discovery
     */
    CatalogDiscovery inBackground() {
        Thread thread = new Thread(task, "preflight-discovery");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /**
     * @return the catalog, discovered on this thread if no other has begun it, else once it has ended
     * @throws RuntimeException or {@link Error}: what discovery threw, as if it had run on this thread
     *     (a {@link dev.preflight.ConfigException} for a malformed or duplicate probe id)
     */
    ProbeCatalog catalog() {
        // Does nothing if the discovery has begun elsewhere.
        task.run();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    // Discovery takes milliseconds and cannot be given up halfway; keep the interrupt.
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
