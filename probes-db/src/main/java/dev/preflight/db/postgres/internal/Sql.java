package dev.preflight.db.postgres.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The statements of one probe's turn on the shared connection ({@link PostgresSession#use}), with
 * rows read as text. A query the role may not run ({@link #rowsIfPermitted}) is undone to a savepoint,
 * so the turn goes on. Belongs to one turn.
 */
public final class Sql {
    /** SQLSTATE {@code insufficient_privilege}. */
    public static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final Connection connection;

    Sql(Connection connection) {
        this.connection = connection;
    }

    void execute(String statement) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }

    /**
     * @param query a query, {@code ?} for each parameter
     * @param parameters the parameters, bound as text
     * @return the rows, each column by its label, values as text (null stays null)
     * @throws SQLException if the query fails
     */
    public List<Row> rows(String query, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                List<Row> rows = new ArrayList<>();
                while (result.next()) {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        values.put(meta.getColumnLabel(c), result.getString(c));
                    }
                    rows.add(new Row(values));
                }
                return rows;
            }
        }
    }

    /**
     * @param query a query of one row
     * @param parameters the parameters, bound as text
     * @return that row
     * @throws SQLException if the query fails or returns no row
     */
    public Row row(String query, String... parameters) throws SQLException {
        List<Row> rows = rows(query, parameters);
        if (rows.isEmpty()) {
            throw new SQLException("no row from: " + query);
        }
        return rows.get(0);
    }

    /**
     * @param query a query the connected role may lack the privilege for
     * @param parameters the parameters, bound as text
     * @return the rows, or empty when the server refused for lack of privilege
     * @throws SQLException if the query fails otherwise
     */
    public Optional<List<Row>> rowsIfPermitted(String query, String... parameters) throws SQLException {
        Savepoint before = connection.setSavepoint();
        try {
            List<Row> rows = rows(query, parameters);
            connection.releaseSavepoint(before);
            return Optional.of(rows);
        } catch (SQLException e) {
            if (!INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(before);
            return Optional.empty();
        }
    }

    /**
     * @param query a query that may fail on this server (a table not of the expected shape, a
     *     privilege missing)
     * @param parameters the parameters, bound as text
     * @return the rows
     * @throws SQLException if the query fails; the turn is undone to before it, so it goes on
     */
    public List<Row> rowsOrUndo(String query, String... parameters) throws SQLException {
        Savepoint before = connection.setSavepoint();
        try {
            List<Row> rows = rows(query, parameters);
            connection.releaseSavepoint(before);
            return rows;
        } catch (SQLException e) {
            try {
                connection.rollback(before);
            } catch (SQLException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
    }

    /**
     * The server's settings as {@code pg_settings} shows them to this role: a setting hidden from it
     * (some need {@code pg_read_all_settings}) or unknown to this version is absent.
     *
     * @param names setting names
     * @return each visible setting's value
     * @throws SQLException if the query fails
     */
    public Map<String, String> settings(String... names) throws SQLException {
        Map<String, String> found = new LinkedHashMap<>();
        for (Row row : rows("SELECT name, setting FROM pg_settings WHERE name = ANY (string_to_array(?, ','))",
                String.join(",", names))) {
            found.put(row.get("name"), row.get("setting"));
        }
        return found;
    }
}
