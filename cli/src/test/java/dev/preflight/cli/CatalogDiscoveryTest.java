package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.ConfigException;
import dev.preflight.ProbeCatalog;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogDiscoveryTest {
    /** The threads that made a {@link RecordingProbe}: where discovery ran. */
    static final List<String> MADE_ON = new CopyOnWriteArrayList<>();
    /** Counted down when a {@link RecordingProbe} is made. */
    static final AtomicReference<CountDownLatch> MADE = new AtomicReference<>(new CountDownLatch(1));

    @TempDir
    Path dir;

    @BeforeEach
    void forget() {
        MADE_ON.clear();
    }

    @Test
    void begunInTheBackgroundItRunsWithoutBeingAskedAndOnlyOnce() throws Exception {
        try (URLClassLoader loader = loaderWith(RecordingProbe.class)) {
            MADE.set(new CountDownLatch(1));
            CatalogDiscovery discovery = CatalogDiscovery.of(loader).inBackground();

            assertThat(MADE.get().await(10, TimeUnit.SECONDS)).as("a probe made before anyone asked").isTrue();
            assertThat(discovery.catalog().ids()).contains("acme.recording");
            assertThat(MADE_ON).containsExactly("preflight-discovery");
        }
    }

    @Test
    void notBegunItDiscoversOnTheThreadThatAsks() throws IOException {
        try (URLClassLoader loader = loaderWith(RecordingProbe.class)) {
            ProbeCatalog catalog = CatalogDiscovery.of(loader).catalog();

            assertThat(catalog.ids()).contains("acme.recording");
            assertThat(MADE_ON).containsExactly(Thread.currentThread().getName());
        }
    }

    @Test
    void whatDiscoveryThrowsReachesTheCommandAsItself() throws IOException {
        try (URLClassLoader loader = loaderWith(RecordingProbe.class, SameIdProbe.class)) {
            CatalogDiscovery discovery = CatalogDiscovery.of(loader).inBackground();

            assertThatThrownBy(discovery::catalog).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("two probes have the id 'acme.recording'");
        }
    }

    @Test
    void anInterruptWhileWaitingIsKeptNotLost() throws Exception {
        try (URLClassLoader loader = loaderWith(GatedProbe.class)) {
            GatedProbe.STARTED.set(new CountDownLatch(1));
            GatedProbe.RELEASE.set(new CountDownLatch(1));
            CatalogDiscovery discovery = CatalogDiscovery.of(loader).inBackground();
            assertThat(GatedProbe.STARTED.get().await(10, TimeUnit.SECONDS)).as("discovery under way").isTrue();
            Thread waiter = Thread.currentThread();
            // Opens the gate once this thread waits for the catalog: the interrupt has been met by then.
            Thread opener = new Thread(() -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (waiter.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                GatedProbe.RELEASE.get().countDown();
            });
            opener.start();
            waiter.interrupt();

            assertThat(discovery.catalog().ids()).contains("acme.gated");
            assertThat(Thread.interrupted()).as("the interrupt is still set").isTrue();
            opener.join();
        }
    }

    /** A class loader that finds exactly these probes through a services file, as a probe jar does. */
    private URLClassLoader loaderWith(Class<?>... probes) throws IOException {
        Path jar = dir.resolve("probes.jar");
        StringBuilder names = new StringBuilder();
        for (Class<?> probe : probes) {
            names.append(probe.getName()).append('\n');
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            zip.putNextEntry(new JarEntry("META-INF/services/" + Probe.class.getName()));
            zip.write(names.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        // No parent delegation to the test's own services files: only this jar's probes are found.
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader()) {
            @Override
            public java.util.Enumeration<URL> getResources(String name) throws IOException {
                return findResources(name);
            }
        };
    }

    /** A probe known only by its id: discovery makes it, nothing runs it. */
    abstract static class IdOnlyProbe implements Probe {
        private final String id;

        IdOnlyProbe(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String title() {
            return id;
        }

        @Override
        public TargetKind targetKind() {
            return TargetKind.WEB;
        }

        @Override
        public Result check(ProbeContext context) {
            return Result.pass("made");
        }
    }

    /** Records the thread that made it. */
    public static final class RecordingProbe extends IdOnlyProbe {
        public RecordingProbe() {
            super("acme.recording");
            MADE_ON.add(Thread.currentThread().getName());
            MADE.get().countDown();
        }
    }

    /** Made only when the test opens its gate, so that the test can wait for discovery. */
    public static final class GatedProbe extends IdOnlyProbe {
        static final AtomicReference<CountDownLatch> STARTED = new AtomicReference<>(new CountDownLatch(1));
        static final AtomicReference<CountDownLatch> RELEASE = new AtomicReference<>(new CountDownLatch(0));

        public GatedProbe() throws InterruptedException {
            super("acme.gated");
            STARTED.get().countDown();
            if (!RELEASE.get().await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        }
    }

    /** Takes {@link RecordingProbe}'s id: discovery must refuse the pair. */
    public static final class SameIdProbe extends IdOnlyProbe {
        public SameIdProbe() {
            super("acme.recording");
        }
    }
}
