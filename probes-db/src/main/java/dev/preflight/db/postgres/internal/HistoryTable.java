package dev.preflight.db.postgres.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A schema-history table of a migration tool found on the server, in any schema, and whether this
 * role may read it.
 *
 * @param kind whose table it is
 * @param schema its schema
 * @param readable whether the role has {@code USAGE} on the schema and {@code SELECT} on the table
 */
public record HistoryTable(HistoryKind kind, String schema, boolean readable) {

    /**
     * Finds every table named as a tool names its history, in every schema but the system ones.
     * {@code pg_class} lists tables whatever the role's privileges, where
     * {@code information_schema.tables} hides those the role has no privilege on: a history the
     * role may not read is then reported as not verified rather than passed over unseen.
     *
     * @param sql the probe's turn
     * @return the tables, by schema and name
     * @throws SQLException if the query fails
     */
    public static List<HistoryTable> find(Sql sql) throws SQLException {
        String names = String.join(",", Arrays.stream(HistoryKind.values()).map(HistoryKind::table).toList());
        List<HistoryTable> found = new ArrayList<>();
        for (Row row : sql.rows("SELECT n.nspname AS schema, c.relname AS name,"
                + " has_schema_privilege(n.oid, 'USAGE') AND has_table_privilege(c.oid, 'SELECT') AS readable"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind IN ('r', 'p', 'v', 'f') AND c.relname = ANY (string_to_array(?, ','))"
                + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'"
                + " ORDER BY n.nspname, c.relname", names)) {
            String name = row.get("name");
            HistoryKind kind = Arrays.stream(HistoryKind.values()).filter(k -> k.table().equals(name)).findFirst()
                    .orElseThrow();
            found.add(new HistoryTable(kind, row.get("schema"), row.flag("readable")));
        }
        return found;
    }

    /** @return {@code schema.table}, for reading */
    public String name() {
        return schema + "." + kind.table();
    }

    /** @return {@code "schema"."table"}, quoted for SQL */
    public String quoted() {
        return quote(schema) + "." + quote(kind.table());
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
