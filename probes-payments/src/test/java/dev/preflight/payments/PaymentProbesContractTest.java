package dev.preflight.payments;

import dev.preflight.probe.Probe;
import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ContractTargets;
import dev.preflight.testkit.ProbeContractTest;
import java.util.List;

/**
 * Every payment probe keeps the probe contract: the API and webhook probes against a server that
 * never answers, all of them with planted keys in their targets (and a planted token in the webhook
 * URL's path), the webhook probes only when named.
 */
class PaymentProbesContractTest extends ProbeContractTest {

    @Override
    protected List<Probe> probes() {
        return List.of(new StripeKeyModeProbe(), new StripeKeyValidProbe(), new StripeWebhooksProbe(),
                new StripeWebhookSignatureProbe(), new RazorpayKeyModeProbe(), new RazorpayKeyValidProbe(),
                new RazorpayWebhookSignatureProbe());
    }

    @Override
    protected Target targetFor(Probe probe, ContractTargets targets) {
        String apiBase = "http://" + targets.silentServer();
        // The webhook-signature probes send to the application's endpoint: the silent server too.
        String webhookUrl = apiBase + "/webhooks/" + targets.plantedToken();
        if (TargetKind.STRIPE.equals(probe.targetKind())) {
            // A token in the webhook URL's query, as some applications route them: it must never show.
            return Target.builder("shop", TargetKind.STRIPE).attribute("api-base", apiBase)
                    .attribute("webhook-url", webhookUrl + "?token=" + targets.plantedToken())
                    .secret("secret-key", Secret.of(targets.plantedApiKey()))
                    .secret("webhook-secret", Secret.of(targets.plantedWebhookSecret())).build();
        }
        return Target.builder("rzp", TargetKind.RAZORPAY).attribute("api-base", apiBase)
                .attribute("webhook-url", webhookUrl)
                .attribute("key-id", "rzp_live_ILgsfZCZoFIKMb")
                .secret("key-secret", Secret.of(targets.plantedToken()))
                .secret("webhook-secret", Secret.of(targets.plantedWebhookSecret())).build();
    }

    @Override
    protected boolean usesNetwork(Probe probe) {
        // The key-mode probes read prefixes only and send nothing.
        return !probe.id().endsWith(".key-mode");
    }
}
