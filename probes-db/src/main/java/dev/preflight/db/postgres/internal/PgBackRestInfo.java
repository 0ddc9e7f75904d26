package dev.preflight.db.postgres.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The output of {@code pgbackrest info --output=json}, judged: an array of stanzas, each with
 * {@code name}, {@code status.code} (0 ok; 1 missing stanza path, 2 no valid backups, 3 missing
 * stanza data, 4 different across repositories, 5 database mismatch, 99 other) and {@code backup},
 * its backups oldest first, each with {@code label}, {@code type} ({@code full}, {@code diff},
 * {@code incr}), {@code timestamp.stop} (Unix seconds) and, from pgBackRest 2.36, {@code error}
 * (true when files failed their checksum during the backup). Immutable.
 */
public final class PgBackRestInfo {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode stanzas;

    private PgBackRestInfo(JsonNode stanzas) {
        this.stanzas = stanzas;
    }

    /**
     * @param json the command's output
     * @return the document
     * @throws MalformedAnswerException if it is not JSON, or not an array of stanzas
     */
    public static PgBackRestInfo parse(String json) throws MalformedAnswerException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedAnswerException("not JSON" + (e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ")"));
        }
        if (root == null || !root.isArray()) {
            throw new MalformedAnswerException("not an array of stanzas, as 'pgbackrest info --output=json' prints");
        }
        for (JsonNode stanza : root) {
            if (!stanza.isObject() || !stanza.path("name").isTextual() || !stanza.path("status").path("code").isInt()) {
                throw new MalformedAnswerException("a stanza without 'name' or 'status.code'");
            }
        }
        return new PgBackRestInfo(root);
    }

    /**
     * @param verdicts where the findings go
     * @param source where the document came from, for the summary
     * @param stanza the stanza to judge, or empty for every one
     * @param now the run's time
     * @param maxAge how old the newest backup may be
     * @throws MalformedAnswerException if a backup lacks its stop time
     */
    public void judge(Verdicts verdicts, String source, Optional<String> stanza, Instant now, Duration maxAge)
            throws MalformedAnswerException {
        List<Map<String, Object>> seen = new ArrayList<>();
        boolean found = false;
        for (JsonNode s : stanzas) {
            String name = s.path("name").asText();
            if (stanza.isPresent() && !stanza.get().equals(name)) {
                continue;
            }
            found = true;
            seen.add(judgeStanza(verdicts, s, name, now, maxAge));
        }
        if (!found) {
            verdicts.fail(source + " lists " + (stanza.map(n -> "no stanza '" + n + "'").orElse("no stanza")),
                    "Create the stanza (pgbackrest stanza-create) and take a backup, or name an existing one in"
                            + " postgres.backups.stanza.");
        }
        verdicts.detail("pgbackrest", seen);
    }

    private static Map<String, Object> judgeStanza(Verdicts verdicts, JsonNode s, String name, Instant now,
            Duration maxAge) throws MalformedAnswerException {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("stanza", name);
        int code = s.path("status").path("code").asInt();
        String message = s.path("status").path("message").asText("");
        detail.put("status", code + (message.isEmpty() ? "" : " (" + message + ")"));
        if (code != 0) {
            verdicts.fail("pgBackRest stanza '" + name + "' has status " + code + (message.isEmpty() ? "" : " ("
                    + message + ")"), "Run 'pgbackrest --stanza=" + name + " check' and fix what it reports.");
        }
        JsonNode backups = s.path("backup");
        JsonNode last = null;
        for (JsonNode b : backups) {
            if (!b.path("timestamp").path("stop").canConvertToLong()) {
                throw new MalformedAnswerException("a backup of stanza '" + name + "' without timestamp.stop");
            }
            if (last == null || b.path("timestamp").path("stop").asLong() >= last.path("timestamp").path("stop").asLong()) {
                last = b;
            }
        }
        detail.put("backups", backups.size());
        if (last == null) {
            if (code == 0) {
                verdicts.fail("pgBackRest stanza '" + name + "' has no backup",
                        "Take a backup: pgbackrest --stanza=" + name + " --type=full backup.");
            }
            return detail;
        }
        String label = last.path("label").asText("?");
        Duration age = Duration.between(Instant.ofEpochSecond(last.path("timestamp").path("stop").asLong()), now);
        detail.put("lastLabel", label);
        detail.put("lastType", last.path("type").asText("?"));
        detail.put("lastAge", Ages.of(age));
        verdicts.gauge(BackupAges.gauge(age, "pgbackrest").withLabel("stanza", name));
        if (last.path("error").asBoolean(false)) {
            verdicts.fail("pgBackRest's last backup of '" + name + "' (" + label + ") has errors: files failed"
                    + " their checksum", "Look at 'pgbackrest --stanza=" + name + " --set=" + label + " info'"
                    + " and take a new backup.");
        }
        if (age.compareTo(maxAge) > 0) {
            verdicts.fail("pgBackRest's last backup of '" + name + "' (" + label + ") finished " + Ages.of(age)
                    + " ago, more than " + Ages.of(maxAge), "Check the backup schedule (cron or timer) and its log.");
        } else {
            verdicts.pass("pgBackRest's last " + last.path("type").asText("") + " backup of '" + name + "' finished "
                    + Ages.of(age) + " ago");
        }
        return detail;
    }
}
