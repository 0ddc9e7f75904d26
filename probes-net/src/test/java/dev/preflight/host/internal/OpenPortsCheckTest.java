package dev.preflight.host.internal;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.net.DeadlineExceededException;
import dev.preflight.probe.Result;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The classification and verdict without a network: states a loopback test cannot produce (no route,
 * a deadline that cuts attempts short) must never add up to a PASS.
 */
class OpenPortsCheckTest {
    private static final InetAddress ADDRESS = address();
    private static final PortPlan PLAN = new PortPlan(Map.of(6379, new KnownPort(6379, "Redis", Exposure.CRITICAL),
            21, new KnownPort(21, "FTP", Exposure.UNEXPECTED)), Set.of(443), Duration.ofSeconds(2));

    private static InetAddress address() {
        try {
            return InetAddress.getByName("203.0.113.5");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void connectFailuresMapToStates() {
        assertThat(ConnectOutcomes.of(new ConnectException("Connection refused"), true)).isEqualTo(PortState.REFUSED);
        assertThat(ConnectOutcomes.of(new ConnectException("Network is unreachable"), true))
                .isEqualTo(PortState.UNREACHABLE);
        assertThat(ConnectOutcomes.of(new NoRouteToHostException("No route to host"), true))
                .isEqualTo(PortState.UNREACHABLE);
        assertThat(ConnectOutcomes.of(new SocketTimeoutException("Connect timed out"), true))
                .isEqualTo(PortState.FILTERED);
        assertThat(ConnectOutcomes.of(new SocketTimeoutException("Connect timed out"), false))
                .isEqualTo(PortState.NOT_TRIED);
        assertThat(ConnectOutcomes.of(new DeadlineExceededException("no time left"), true))
                .isEqualTo(PortState.NOT_TRIED);
    }

    @Test
    void attemptsCutShortByTheDeadlineAreAnErrorNotAPass() {
        Result result = OpenPortsCheck.judge("shop", List.of(ADDRESS), PLAN, List.of(
                new Attempt(ADDRESS, 6379, PortState.NOT_TRIED), new Attempt(ADDRESS, 21, PortState.FILTERED),
                new Attempt(ADDRESS, 443, PortState.OPEN)));

        assertThat(result).isError().hasSummaryContaining("1 of 2 attempts could not tell")
                .hasSummaryContaining("1 cut short by the deadline");
    }

    @Test
    void anUnreachableAddressIsAnErrorNotAPass() {
        Result result = OpenPortsCheck.judge("shop", List.of(ADDRESS), PLAN, List.of(
                new Attempt(ADDRESS, 6379, PortState.UNREACHABLE), new Attempt(ADDRESS, 21, PortState.UNREACHABLE)));

        assertThat(result).isError().hasSummaryContaining("2 unreachable");
    }

    @Test
    void filteredPortsPass() {
        Result result = OpenPortsCheck.judge("shop", List.of(ADDRESS), PLAN, List.of(
                new Attempt(ADDRESS, 6379, PortState.FILTERED), new Attempt(ADDRESS, 21, PortState.FILTERED),
                new Attempt(ADDRESS, 443, PortState.OPEN)));

        assertThat(result).isPass().hasSummaryContaining("0 refused, 2 filtered").hasDetail("expected", "443 open");
    }

    @Test
    void anOpenDatastoreFailsEvenWhenOtherAttemptsCouldNotTell() {
        Result result = OpenPortsCheck.judge("shop", List.of(ADDRESS), PLAN, List.of(
                new Attempt(ADDRESS, 6379, PortState.OPEN), new Attempt(ADDRESS, 21, PortState.NOT_TRIED)));

        assertThat(result).isFail().hasSummaryContaining("Redis (6379) on 203.0.113.5").hasSubject("203.0.113.5:6379");
    }
}
