package jp.twozeroseven.infra.data.embulk;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What embulk-input-postgresql v0.11.1 does with a generated {@code in:} section, modelled line by line from its
 * source, so tests can run a config on a real PostgreSQL with the image's pgjdbc: the connection properties
 * (PostgreSQLInputPlugin.java:70-96), the placeholder binding of {@code use_raw_query_with_incremental}
 * (JdbcInputConnection.java:384-415), the last row's values as the next last_record (AbstractJdbcInputPlugin.java:
 * 437-471, 505-507, with TimestampWithTimeZoneIncrementalHandler's text format) and Embulk's remove_columns filter.
 * Only where the config names the cloud (the Aurora endpoint and the image's CA bundle path) does the test put its
 * local server in.
 */
public final class EmbulkJdbcModel {
    private static final Pattern LIQUID = Pattern.compile("\\{\\{ env\\.([A-Z_]+) \\}\\}");
    /** TimestampWithTimeZoneIncrementalHandler.java:24: "%Y-%m-%dT%H:%M:%S.%6NZ" in UTC. */
    private static final DateTimeFormatter LAST_RECORD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** The local server in place of the config's host, port and database, and its CA in place of the RDS bundle. */
    public record LocalServer(String jdbcUrl, String caFile) {
    }

    /** One run's output rows (after the filters) and the config diff's last_record. */
    public record Run(List<Map<String, Object>> rows, List<Object> lastRecord) {
    }

    private EmbulkJdbcModel() {
    }

    /** Liquid as Embulk renders {@code {{ env.X }}}; an unset variable renders empty, as Liquid does. */
    public static String liquid(String text, Map<String, String> env) {
        Matcher m = LIQUID.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(env.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * PostgreSQLInputPlugin.newConnection (v0.11.1) lines 73-93: user, password, loginTimeout, socketTimeout,
     * tcpKeepAlive, the NonValidatingFactory pair only for {@code ssl: true}, ApplicationName, then every
     * {@code options} entry on top.
     */
    public static Properties properties(JsonNode in, Map<String, String> env, LocalServer server) {
        Function<String, String> text = v -> liquid(v, env);
        Properties props = new Properties();
        props.setProperty("user", text.apply(in.path("user").asText()));
        props.setProperty("password", text.apply(in.path("password").asText("")));
        props.setProperty("loginTimeout", String.valueOf(in.path("connect_timeout").asInt(300)));
        props.setProperty("socketTimeout", String.valueOf(in.path("socket_timeout").asInt(1800)));
        props.setProperty("tcpKeepAlive", "true");
        if (in.path("ssl").asBoolean(false)) {
            props.setProperty("ssl", "true");
            props.setProperty("sslfactory", "org.postgresql.ssl.NonValidatingFactory");
        }
        props.setProperty("ApplicationName", in.path("application_name").asText("embulk-input-postgresql"));
        in.path("options").fields().forEachRemaining(e -> props.setProperty(e.getKey(), text.apply(e.getValue().asText())));
        if (EmbulkConfigGenerator.RDS_CA_BUNDLE.equals(props.getProperty("sslrootcert"))) {
            props.setProperty("sslrootcert", server.caFile());
        }
        return props;
    }

    public static Connection connect(JsonNode in, Map<String, String> env, LocalServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), properties(in, env, server));
    }

    /**
     * One Embulk run of the config's input and filters, starting from {@code lastRecord} (the config's own floor
     * when null), as the plugin would: placeholders bound from last_record by the RESULT index of each incremental
     * column (JdbcInputConnection.java:393-401), rows read in order, the last row's incremental values as the diff.
     */
    public static Run run(JsonNode config, Map<String, String> env, LocalServer server, List<Object> lastRecord)
            throws SQLException {
        return run(config, env, server, lastRecord, props -> { });
    }

    /** As {@link #run(JsonNode, Map, LocalServer, List)}, with a test's change to the connection properties. */
    public static Run run(JsonNode config, Map<String, String> env, LocalServer server, List<Object> lastRecord,
                          java.util.function.Consumer<Properties> adjust) throws SQLException {
        JsonNode in = config.get("in");
        // Embulk renders Liquid over the whole file before it parses it, the query included.
        String query = liquid(in.get("query").asText(), env);
        List<String> incremental = new ArrayList<>();
        in.path("incremental_columns").forEach(c -> incremental.add(c.asText()));
        List<Object> last = lastRecord;
        if (last == null && in.has("last_record")) {
            last = new ArrayList<>();
            for (JsonNode v : in.get("last_record")) {
                last.add(v.isNumber() ? v.longValue() : v.asText());
            }
        }
        Properties props = properties(in, env, server);
        adjust.accept(props);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), props)) {
            // Placeholders by text position, longest names first when replacing (createColumnNameSortedMap).
            TreeMap<Integer, String> byPosition = new TreeMap<>();
            for (String column : incremental) {
                int at = query.indexOf(":" + column);
                while (at >= 0) {
                    byPosition.put(at, column);
                    at = query.indexOf(":" + column, at + 1);
                }
            }
            String sql = query;
            List<String> longestFirst = new ArrayList<>(incremental);
            longestFirst.sort((a, b) -> b.length() != a.length() ? b.length() - a.length() : a.compareTo(b));
            for (String column : longestFirst) {
                sql = sql.replace(":" + column, "?");
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ResultSetMetaData meta = ps.getMetaData();
                Map<String, Integer> resultIndex = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    resultIndex.putIfAbsent(meta.getColumnName(i), i - 1);
                }
                int parameter = 1;
                for (String column : byPosition.values()) {
                    int columnIndex = resultIndex.get(column);
                    Object value = last.get(columnIndex); // the plugin's incrementalValues.get(columnIndex)
                    bind(ps, parameter++, kind(meta, columnIndex + 1), value);
                }
                Set<String> removed = new HashSet<>();
                for (JsonNode filter : config.path("filters")) {
                    filter.path("remove").forEach(r -> removed.add(r.asText()));
                }
                List<Map<String, Object>> rows = new ArrayList<>();
                List<Object> next = last;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            if (!removed.contains(meta.getColumnName(i))) {
                                row.put(meta.getColumnName(i), read(rs, i, meta.getColumnTypeName(i)));
                            }
                        }
                        rows.add(row);
                        if (!incremental.isEmpty()) {
                            List<Object> values = new ArrayList<>();
                            for (String column : incremental) {
                                values.add(encode(rs, resultIndex.get(column) + 1, kind(meta, resultIndex.get(column) + 1)));
                            }
                            next = values;
                        }
                    }
                }
                return new Run(rows, next);
            }
        }
    }

    /** Values typed for comparison in Java: instants with their offset, dates, exact decimals. */
    private static Object read(ResultSet rs, int i, String type) throws SQLException {
        Object value = switch (type) {
            case "timestamptz" -> rs.getObject(i, java.time.OffsetDateTime.class);
            case "date" -> rs.getObject(i, java.time.LocalDate.class);
            case "float8", "numeric" -> rs.getBigDecimal(i);
            default -> rs.getObject(i);
        };
        return rs.wasNull() ? null : value;
    }

    /**
     * The incremental handler the plugin picks (ColumnGetterFactory, v0.11.1): by SQL type for integers (a
     * bigserial is a BIGINT), by type name for timestamptz; everything else is bound and kept as text.
     */
    private static String kind(ResultSetMetaData meta, int index) throws SQLException {
        return switch (meta.getColumnType(index)) {
            case java.sql.Types.BIGINT, java.sql.Types.INTEGER, java.sql.Types.SMALLINT -> "int8";
            default -> "timestamptz".equals(meta.getColumnTypeName(index)) ? "timestamptz" : "text";
        };
    }

    private static void bind(PreparedStatement ps, int index, String type, Object value) throws SQLException {
        switch (type) {
            case "timestamptz" -> ps.setTimestamp(index, Timestamp.from(Instant.parse(value.toString())));
            case "int8", "int4", "int2" -> ps.setLong(index, ((Number) value).longValue());
            default -> ps.setString(index, value.toString());
        }
    }

    private static Object encode(ResultSet rs, int index, String type) throws SQLException {
        return switch (type) {
            case "timestamptz" -> LAST_RECORD.format(rs.getTimestamp(index).toInstant());
            case "int8", "int4", "int2" -> rs.getLong(index);
            default -> rs.getString(index);
        };
    }
}
