package dev.preflight.db.redis.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReadOnlyCommandsTest {

    @Test
    void theProbesReadingCommandsPass() {
        assertThatCode(() -> {
            ReadOnlyCommands.require("PING");
            ReadOnlyCommands.require("INFO", "persistence");
            ReadOnlyCommands.require("config", "get", "save");
            ReadOnlyCommands.require("ACL", "DRYRUN", "app", "FLUSHALL");
            ReadOnlyCommands.require("HELLO", "2");
        }).doesNotThrowAnyException();
    }

    @Test
    void writesAndChangesAreRefused() {
        assertThatThrownBy(() -> ReadOnlyCommands.require("FLUSHALL")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReadOnlyCommands.require("CONFIG", "SET", "save", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReadOnlyCommands.require("ACL", "SETUSER", "app", "on"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReadOnlyCommands.require("HELLO", "3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReadOnlyCommands.require("SET", "k", "v")).isInstanceOf(IllegalArgumentException.class);
    }
}
