package dev.preflight.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code -h, --help} and {@code -V, --version}, as picocli's {@code mixinStandardHelpOptions} declares
 * them (same names, descriptions and resource keys), for commands modelled without annotations: the
 * mixin is itself an annotated class, read by reflection.
 */
final class HelpOptions {
    private HelpOptions() {
    }

    /** @param spec the command that gets the two options, after its own */
    static void addTo(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).descriptionKey("mixinStandardHelpOptions.help")
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .descriptionKey("mixinStandardHelpOptions.version").description("Print version information and exit.")
                .build());
    }
}
