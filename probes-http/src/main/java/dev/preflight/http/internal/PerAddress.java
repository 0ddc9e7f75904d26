package dev.preflight.http.internal;

import dev.preflight.net.NetworkFailures;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs a check against every address of a site and merges the verdicts, so that one bad node behind
 * a load balancer is not hidden by the good ones: the worst verdict wins and names its address.
 */
public final class PerAddress {

    /** A check of one address. */
    @FunctionalInterface
    public interface Check {
        /**
         * @param address the address to check
         * @return the verdict for it
         * @throws Exception if it had no answer; becomes an ERROR naming the address
         */
        Result check(InetAddress address) throws Exception;
    }

    private PerAddress() {
    }

    /**
     * @param site the site
     * @param check what to run per address
     * @return one merged result
     * @throws InterruptedException if the probe was cancelled
     */
    public static Result check(Site site, Check check) throws InterruptedException {
        List<InetAddress> addresses;
        try {
            addresses = site.addresses();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return Result.error(NetworkFailures.describe(e, site.host()), e);
        }
        List<Result> results = new ArrayList<>();
        for (InetAddress address : addresses) {
            results.add(one(site, address, check));
        }
        return merge(site, addresses, results);
    }

    private static Result one(Site site, InetAddress address, Check check) throws InterruptedException {
        try {
            return check.check(address);
        } catch (InterruptedException e) {
            throw e;
        } catch (NoDocumentException e) {
            return Result.builder(Status.ERROR).summary(e.getMessage())
                    .remediation(e.remediation()).build();
        } catch (Exception e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("cancelled");
            }
            return Result.error(NetworkFailures.describe(e, site.endpoint() + " (" + address.getHostAddress() + ")"), e);
        }
    }

    private static Result merge(Site site, List<InetAddress> addresses, List<Result> results) {
        if (results.size() == 1) {
            Result only = results.get(0);
            return only.toBuilder().subject(only.subject().orElse(site.endpoint()))
                    .detail("address", addresses.get(0).getHostAddress()).build();
        }
        boolean alike = results.stream().allMatch(r -> r.status() == results.get(0).status()
                && r.summary().equals(results.get(0).summary()));
        List<String> addressList = addresses.stream().map(InetAddress::getHostAddress).toList();
        if (alike) {
            Result first = results.get(0);
            return first.toBuilder().subject(first.subject().orElse(site.endpoint()))
                    .summary(first.summary() + " (all " + results.size() + " addresses)")
                    .detail("addresses", addressList).build();
        }
        int worst = 0;
        for (int i = 1; i < results.size(); i++) {
            if (results.get(i).status().severity() > results.get(worst).status().severity()) {
                worst = i;
            }
        }
        Result w = results.get(worst);
        List<String> perAddress = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            perAddress.add(addressList.get(i) + ": " + results.get(i).status().name() + " " + results.get(i).summary());
        }
        long bad = results.stream().filter(r -> r.status() == w.status()).count();
        return w.toBuilder().subject(site.endpoint() + " (" + addressList.get(worst) + ")")
                .summary("on " + addressList.get(worst) + (bad > 1 ? " and " + (bad - 1) + " more" : "")
                        + " of " + results.size() + " addresses: " + w.summary())
                .detail("address", addressList.get(worst))
                .detail("addresses", addressList)
                .detail("perAddress", perAddress).build();
    }

    /** @return the worst of some statuses, PASS for none */
    static Status worst(List<Result> results) {
        return results.stream().map(Result::status).max(Comparator.comparingInt(Status::severity)).orElse(Status.PASS);
    }
}
