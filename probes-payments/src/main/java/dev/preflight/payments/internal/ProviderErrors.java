package dev.preflight.payments.internal;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;

/** The ERROR results for answers that say nothing about the account: rate limits, outages, garbage. */
public final class ProviderErrors {
    private ProviderErrors() {
    }

    /**
     * @param provider whose API answered
     * @param reply an answer that is neither a verdict nor a known error
     * @return ERROR naming the status and the provider's request id, for its support team
     */
    public static Result unexpected(Provider provider, ProviderReply reply) {
        String name = provider.displayName();
        String what = switch (reply.code() / 100) {
            case 5 -> name + " API failed with HTTP " + reply.code();
            case 2 -> name + " API answered HTTP " + reply.code() + " with a body that is not the expected JSON";
            default -> reply.code() == 429 ? name + " API kept rate-limiting (HTTP 429) within the deadline"
                    : name + " API answered HTTP " + reply.code() + " unexpectedly";
        };
        return withRequestId(Result.builder(Status.ERROR).summary(what + " (" + requestIdText(provider, reply) + ")")
                .detail("httpStatus", reply.code()), provider, reply).build();
    }

    /**
     * @param builder a result under construction
     * @param provider whose API answered
     * @param reply the answer
     * @return the builder with the detail {@code requestId}
     */
    public static Result.Builder withRequestId(Result.Builder builder, Provider provider, ProviderReply reply) {
        return builder.detail("requestId", reply.requestId().orElse(provider.requestIdHeader().isPresent()
                ? "none: the answer had no " + provider.requestIdHeader().get() + " header"
                : "none: " + provider.displayName() + " documents no request id"));
    }

    private static String requestIdText(Provider provider, ProviderReply reply) {
        return reply.requestId().map(id -> "request id " + id).orElse("no request id");
    }
}
