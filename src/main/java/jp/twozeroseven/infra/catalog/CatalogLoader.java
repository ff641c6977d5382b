package jp.twozeroseven.infra.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads {@code data/catalog.yaml} into a {@link Catalog}. Every problem in the file is collected
 * and thrown together in one {@link CatalogException}; nothing half-valid is ever returned.
 */
public final class CatalogLoader {
    public static final int SUPPORTED_VERSION = 1;

    // Names end up quoted in SQL, S3 keys and Glue; a conservative shape keeps all three happy.
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Set<String> ROOT_KEYS = Set.of("version", "tables", "entities", "minimum_k");
    private static final Set<String> TABLE_KEYS =
            Set.of("name", "source", "columns", "incremental_column", "run_group", "description", "size",
                    "anonymity");
    private static final Set<String> SIZE_KEYS = Set.of("rows", "row_bytes", "daily_rows", "history_days");
    /** The unique key every incremental export orders by after its incremental column. */
    public static final String TIE_BREAKER = "id";
    private static final Set<String> SOURCE_KEYS = Set.of("schema", "table");
    private static final Set<String> COLUMN_KEYS = Set.of("name", "type", "class", "masking", "description", "entity");
    private static final Set<String> ENTITY_KEYS = Set.of("form", "description");
    private static final Set<String> ANONYMITY_KEYS = Set.of("quasi_identifiers", "subject");
    /** k when the catalog sets no 'minimum_k': every quasi-identifier combination is shared by 5 or more subjects. */
    public static final int DEFAULT_MINIMUM_K = 5;
    /** Output column that carries the key id of a masked table; no catalog column may take the name. */
    public static final String KEY_ID_COLUMN = "pseudonym_key_id";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private CatalogLoader() {
    }

    public static Catalog load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CatalogException(List.of(CatalogProblem.inFile(file.toString(),
                    "cannot read the file (" + e.getMessage() + ")",
                    "check the path; the catalog lives at data/catalog.yaml")));
        }
        return parse(text, file.toString());
    }

    /** @param fileName used only to name the file in problem messages */
    public static Catalog parse(String yamlText, String fileName) {
        JsonNode root;
        try {
            root = YAML.readTree(yamlText);
        } catch (JsonProcessingException e) {
            throw new CatalogException(List.of(CatalogProblem.inFile(fileName,
                    "is not valid YAML: " + e.getOriginalMessage() + locationOf(e),
                    "correct the YAML syntax (duplicate keys are rejected too)")));
        }
        return new Reader(fileName).read(root);
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }

    /** One pass over the tree; keeps the problem list and the file name together. */
    private static final class Reader {
        private final String file;
        private final List<CatalogProblem> problems = new ArrayList<>();
        private final Map<String, Entity> entities = new TreeMap<>();
        private int minimumK = DEFAULT_MINIMUM_K;

        Reader(String file) {
            this.file = file;
        }

        Catalog read(JsonNode root) {
            if (root == null || !root.isObject()) {
                throw new CatalogException(List.of(CatalogProblem.inFile(file,
                        "must be a mapping with 'version' and 'tables'",
                        "start the file with 'version: 1' and a 'tables:' list")));
            }
            unknownKeys(root, ROOT_KEYS, "the top level", null, null);
            int version = readVersion(root.get("version"));
            readEntities(root.get("entities"));
            readMinimumK(root.get("minimum_k"));
            List<CatalogTable> tables = readTables(root.get("tables"));
            if (!problems.isEmpty()) {
                throw new CatalogException(problems);
            }
            return new Catalog(version, tables);
        }

        private void readEntities(JsonNode node) {
            if (node == null || node.isNull()) {
                return;
            }
            if (!node.isObject()) {
                problems.add(CatalogProblem.inFile(file, "'entities' is not a mapping",
                        "write 'entities:' as a mapping of entity name to {form: <" + PseudonymForm.allowedNames() + ">}"));
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = e.getKey();
                if (!NAME.matcher(name).matches()) {
                    problems.add(CatalogProblem.inFile(file, "entity name '" + name + "' is not lower_snake_case",
                            "use letters a-z, digits and _ (starting with a letter)"));
                    continue;
                }
                JsonNode value = e.getValue();
                if (!value.isObject()) {
                    problems.add(CatalogProblem.inFile(file, "entity '" + name + "' is not a mapping",
                            "write it as '" + name + ": {form: <" + PseudonymForm.allowedNames() + ">}'"));
                    continue;
                }
                unknownKeys(value, ENTITY_KEYS, "entity '" + name + "'", null, null);
                String form = value.path("form").asText("");
                Optional<PseudonymForm> parsed = PseudonymForm.fromYaml(form);
                if (parsed.isEmpty()) {
                    problems.add(CatalogProblem.inFile(file, "entity '" + name + "' has " + (form.isEmpty()
                            ? "no 'form'" : "unknown form '" + form + "'"), "set 'form:' to one of " + PseudonymForm.allowedNames()));
                    continue;
                }
                entities.put(name, new Entity(name, parsed.get()));
            }
        }

        private void readMinimumK(JsonNode node) {
            if (node == null || node.isNull()) {
                return;
            }
            if (!node.isInt() || node.intValue() < 2) {
                problems.add(CatalogProblem.inFile(file, "minimum_k '" + node.asText() + "' is not an integer of at least 2",
                        "set 'minimum_k: " + DEFAULT_MINIMUM_K + "' (or remove it for the default " + DEFAULT_MINIMUM_K + ")"));
                return;
            }
            minimumK = node.intValue();
        }

        private int readVersion(JsonNode node) {
            if (node == null) {
                problems.add(CatalogProblem.inFile(file, "missing field 'version'",
                        "add 'version: " + SUPPORTED_VERSION + "' at the top"));
                return -1;
            }
            if (!node.isInt() || node.intValue() != SUPPORTED_VERSION) {
                problems.add(CatalogProblem.inFile(file, "unsupported version '" + node.asText() + "'",
                        "set 'version: " + SUPPORTED_VERSION + "' (the only format this program reads)"));
                return -1;
            }
            return node.intValue();
        }

        private List<CatalogTable> readTables(JsonNode node) {
            List<CatalogTable> tables = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            forEachMapping(node, CatalogProblem.inFile(file, "missing or empty 'tables' list",
                    "add 'tables:' with one entry per exported table"), label -> CatalogProblem.inTable(file, label,
                    "is not a mapping", "write each table as a mapping with name, source, run_group and columns"),
                    (label, tableNode) -> {
                        Optional<String> name = requiredName(tableNode, label, null);
                        String tableLabel = name.orElse(label);
                        if (name.isPresent() && !seen.add(name.get())) {
                            problems.add(CatalogProblem.inTable(file, tableLabel, "duplicate table name",
                                    "remove or rename the second entry named '" + tableLabel + "'"));
                        }
                        readTable(tableNode, tableLabel).ifPresent(t -> {
                            if (name.isPresent()) {
                                tables.add(t);
                            }
                        });
                    });
            return tables;
        }

        /**
         * Reads each entry of a list that must be non-empty and hold only mappings, with its label ({@code #1},
         * {@code #2}, ...: what a problem names the entry by until its name is read). A missing or empty list is
         * reported as {@code missing}; an entry that is not a mapping as {@code notAMapping} of its label, in its turn.
         */
        private void forEachMapping(JsonNode list, CatalogProblem missing, Function<String, CatalogProblem> notAMapping,
                                    BiConsumer<String, JsonNode> read) {
            if (list == null || !list.isArray() || list.isEmpty()) {
                problems.add(missing);
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                String label = "#" + (i + 1);
                if (list.get(i).isObject()) {
                    read.accept(label, list.get(i));
                } else {
                    problems.add(notAMapping.apply(label));
                }
            }
        }

        private Optional<CatalogTable> readTable(JsonNode node, String table) {
            int before = problems.size();
            unknownKeys(node, TABLE_KEYS, "table", table, null);
            String[] source = readSource(node.get("source"), table);
            Optional<String> runGroup = requiredText(node, "run_group", table, null,
                    "add 'run_group: <group>' (the Step Functions batch this table runs in, e.g. nightly)");
            List<CatalogColumn> columns = readColumns(node.get("columns"), table);
            Optional<String> incremental = optionalText(node, "incremental_column", table);
            incremental.ifPresent(col -> checkIncremental(col, declaredNames(node.get("columns")), columns, table));
            Optional<TableSize> size = readSize(node.get("size"), table, incremental.isPresent());
            Optional<Anonymity> anonymity = readAnonymity(node.get("anonymity"), columns, table);
            if (problems.size() != before) {
                return Optional.empty();
            }
            return Optional.of(new CatalogTable(table, source[0], source[1], columns, incremental, runGroup.orElseThrow(),
                    size, anonymity));
        }

        /** The optional size hint; the stack settings require it of every table they forecast. */
        private Optional<TableSize> readSize(JsonNode node, String table, boolean incremental) {
            if (node == null || node.isNull()) {
                return Optional.empty();
            }
            if (!node.isObject()) {
                add(table, null, "'size' is not a mapping", "write it as size: {rows: 1200000, row_bytes: 400"
                        + (incremental ? ", daily_rows: 20000" : "") + "}");
                return Optional.empty();
            }
            unknownKeys(node, SIZE_KEYS, "size of table", table, null);
            int before = problems.size();
            long rows = count(node, "rows", table, true, "add 'rows: <rows today>' (SELECT reltuples FROM pg_class)");
            long rowBytes = count(node, "row_bytes", table, true,
                    "add 'row_bytes: <average bytes per row>' (pg_total_relation_size / rows)");
            if (rowBytes == 0 || rowBytes > 10_000_000) {
                add(table, null, "size.row_bytes " + rowBytes + " is not an average row size",
                        "use 1..10000000 bytes per row");
            }
            long daily = count(node, "daily_rows", table, false, null);
            long history = count(node, "history_days", table, false, null);
            if (incremental && !node.has("daily_rows")) {
                add(table, null, "an incremental table's size needs 'daily_rows'",
                        "add 'daily_rows: <rows inserted or updated per day>': what one night reads");
            }
            if (!incremental && (node.has("daily_rows") || node.has("history_days"))) {
                add(table, null, "daily_rows/history_days describe an incremental table, but this one is exported "
                        + "in full every night", "remove them, or set incremental_column");
            }
            if (node.has("daily_rows") && node.path("rows").isIntegralNumber() && daily > rows) {
                add(table, null, "size.daily_rows " + daily + " is more than size.rows " + rows,
                        "daily_rows counts the rows one day changes, at most all of them");
            }
            if (node.has("history_days") && history == 0) {
                add(table, null, "size.history_days is 0", "give the days between the oldest and newest value, >= 1");
            }
            if (problems.size() != before) {
                return Optional.empty();
            }
            return Optional.of(new TableSize(rows, (int) rowBytes,
                    node.has("daily_rows") ? java.util.OptionalLong.of(daily) : java.util.OptionalLong.empty(),
                    node.has("history_days") ? java.util.OptionalLong.of(history) : java.util.OptionalLong.empty()));
        }

        private long count(JsonNode node, String key, String table, boolean required, String fix) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                if (required) {
                    add(table, null, "missing field 'size." + key + "'", fix);
                }
                return 0;
            }
            if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 0) {
                add(table, null, "size." + key + " '" + value.asText() + "' is not a whole number >= 0",
                        "write a plain count such as 1200000 (no quotes, no units)");
                return 0;
            }
            return value.asLong();
        }

        /** {quasi_identifiers: [...], subject: col}: generalised columns only, so k is measured on what is published. */
        private Optional<Anonymity> readAnonymity(JsonNode node, List<CatalogColumn> columns, String table) {
            if (node == null || node.isNull()) {
                return Optional.empty();
            }
            String fix = "write 'anonymity: {quasi_identifiers: [<columns>], subject: <column, optional>}'";
            if (!node.isObject()) {
                problems.add(CatalogProblem.inTable(file, table, "'anonymity' is not a mapping", fix));
                return Optional.empty();
            }
            unknownKeys(node, ANONYMITY_KEYS, "anonymity of table", table, null);
            JsonNode list = node.get("quasi_identifiers");
            if (list == null || !list.isArray() || list.isEmpty()) {
                problems.add(CatalogProblem.inTable(file, table, "anonymity has no 'quasi_identifiers' list", fix));
                return Optional.empty();
            }
            int before = problems.size();
            List<String> quasi = new ArrayList<>();
            for (JsonNode item : list) {
                String name = item.asText();
                Optional<CatalogColumn> column = columns.stream().filter(c -> c.name().equals(name)).findFirst();
                if (column.isEmpty()) {
                    problems.add(CatalogProblem.inTable(file, table, "quasi-identifier '" + name
                            + "' is not a column of the table", "name one of its listed columns"));
                } else if (column.get().masking() == Masking.DROP || column.get().masking() == Masking.PSEUDONYMIZE) {
                    problems.add(CatalogProblem.inColumn(file, table, name, "quasi-identifier is "
                            + column.get().masking().yamlName() + "d, so it has no published value to count",
                            "list only kept or generalised columns as quasi-identifiers"));
                } else if (quasi.contains(name)) {
                    problems.add(CatalogProblem.inColumn(file, table, name, "quasi-identifier listed twice",
                            "list it once"));
                } else {
                    quasi.add(name);
                }
            }
            Optional<String> subject = optionalText(node, "subject", table);
            subject.ifPresent(name -> {
                Optional<CatalogColumn> column = columns.stream().filter(c -> c.name().equals(name)).findFirst();
                if (column.isEmpty() || column.get().masking() == Masking.DROP) {
                    problems.add(CatalogProblem.inTable(file, table, "anonymity subject '" + name
                            + "' is not an exported column of the table",
                            "name the column that identifies the person of a row (e.g. customer_id), or remove 'subject'"));
                }
            });
            return problems.size() == before ? Optional.of(new Anonymity(quasi, subject, minimumK)) : Optional.empty();
        }

        private String[] readSource(JsonNode node, String table) {
            if (node == null || !node.isObject()) {
                problems.add(CatalogProblem.inTable(file, table, "missing field 'source'",
                        "add 'source: {schema: public, table: " + table + "}'"));
                return new String[] {null, null};
            }
            unknownKeys(node, SOURCE_KEYS, "source of table", table, null);
            String schema = requiredIdentifier(node, "schema", table, "add 'schema: public' under 'source'");
            String sourceTable = requiredIdentifier(node, "table", table, "add 'table: <Aurora table>' under 'source'");
            return new String[] {schema, sourceTable};
        }

        private String requiredIdentifier(JsonNode node, String key, String table, String fix) {
            Optional<String> value = requiredText(node, key, table, null, fix);
            if (value.isPresent() && !NAME.matcher(value.get()).matches()) {
                problems.add(CatalogProblem.inTable(file, table, "source " + key + " '" + value.get()
                        + "' is not a plain lower-case identifier", "use letters a-z, digits and _ only"));
            }
            return value.orElse(null);
        }

        private List<CatalogColumn> readColumns(JsonNode node, String table) {
            List<CatalogColumn> columns = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            forEachMapping(node, CatalogProblem.inTable(file, table, "missing or empty 'columns' list",
                    "list every column of the source table with name, type and class"), label -> CatalogProblem.inColumn(
                    file, table, label, "is not a mapping", "write the column as {name: ..., type: ..., class: ...}"),
                    (label, columnNode) -> {
                        Optional<String> name = requiredName(columnNode, table, label);
                        String column = name.orElse(label);
                        if (name.isPresent() && !seen.add(column)) {
                            problems.add(CatalogProblem.inColumn(file, table, column, "duplicate column name",
                                    "remove the second entry for '" + column + "'"));
                        }
                        readColumn(columnNode, table, column).ifPresent(columns::add);
                    });
            return columns;
        }

        private Optional<CatalogColumn> readColumn(JsonNode node, String table, String column) {
            unknownKeys(node, COLUMN_KEYS, "column", table, column);
            Optional<ColumnType> type = requiredText(node, "type", table, column,
                    "add 'type: <one of " + ColumnType.allowedNames() + ">'")
                    .flatMap(t -> lookup(ColumnType.fromYaml(t), table, column, "unknown column type '" + t + "'",
                            "use one of " + ColumnType.allowedNames()));
            Optional<DataClass> dataClass = classOf(node, table, column);
            Optional<Masking> override = optionalText(node, "masking", table)
                    .flatMap(m -> lookup(Masking.fromYaml(m), table, column, "unknown masking '" + m + "'",
                            "use one of " + Masking.allowedNames() + ", or remove 'masking' to use the class default"));
            if (type.isEmpty() || dataClass.isEmpty() || (node.has("masking") && override.isEmpty())) {
                return Optional.empty();
            }
            CatalogColumn result = new CatalogColumn(column, type.get(), dataClass.get(), override);
            if (column.equals(KEY_ID_COLUMN)) {
                problems.add(CatalogProblem.inColumn(file, table, column, "the name is reserved for the key id of the masked zone",
                        "rename the column in the catalog export (its Aurora column keeps its name only if renamed at source)"));
                return Optional.empty();
            }
            if (!checkMasking(result, table)) {
                return Optional.empty();
            }
            // Without its entity the column still counts for the table's other checks; the problem is recorded.
            return Optional.of(entityOf(node, result, table).map(result::withEntity).orElse(result));
        }

        /** A pseudonymized column names its entity; the entity's form must suit the class (phones are contacts). */
        private Optional<Entity> entityOf(JsonNode node, CatalogColumn column, String table) {
            Optional<String> name = optionalText(node, "entity", table);
            boolean pseudonym = column.masking() == Masking.PSEUDONYMIZE;
            String declared = entities.isEmpty() ? "none declared" : String.join(", ", entities.keySet());
            if (name.isEmpty()) {
                if (pseudonym) {
                    problems.add(CatalogProblem.inColumn(file, table, column.name(),
                            "pseudonymized column names no 'entity'",
                            "add 'entity: <what it identifies>' (declared: " + declared + ") so its pseudonyms join "
                                    + "only with the same entity"));
                }
                return Optional.empty();
            }
            if (!pseudonym) {
                problems.add(CatalogProblem.inColumn(file, table, column.name(), "'entity' on a column that is "
                        + column.masking().yamlName() + ", not pseudonymized", "remove 'entity'"));
                return Optional.empty();
            }
            Entity entity = entities.get(name.get());
            if (entity == null) {
                problems.add(CatalogProblem.inColumn(file, table, column.name(), "entity '" + name.get()
                        + "' is not declared under 'entities' (declared: " + declared + ")",
                        "correct the name or declare '" + name.get() + ": {form: <" + PseudonymForm.allowedNames()
                                + ">}' under 'entities'"));
                return Optional.empty();
            }
            boolean contact = column.dataClass() == DataClass.CONTACT;
            boolean contactForm = entity.form() == PseudonymForm.PHONE || entity.form() == PseudonymForm.EMAIL;
            if (contact != contactForm) {
                problems.add(CatalogProblem.inColumn(file, table, column.name(), "entity '" + entity.name()
                        + "' has form '" + entity.form().yamlName() + "', which does not suit class '"
                        + column.dataClass().yamlName() + "'", contact
                        ? "contacts name an entity of form phone or email" : "only contacts take form phone or email"));
                return Optional.empty();
            }
            return Optional.of(entity);
        }

        private Optional<DataClass> classOf(JsonNode node, String table, String column) {
            JsonNode value = node.get("class");
            if (value == null || value.isNull() || value.asText().isBlank()) {
                problems.add(CatalogProblem.inColumn(file, table, column, "unclassified column (no 'class')",
                        "add 'class: <one of " + DataClass.allowedNames() + ">'; if unsure, ask the data owner"));
                return Optional.empty();
            }
            return lookup(DataClass.fromYaml(value.asText()), table, column, "unknown class '" + value.asText() + "'",
                    "use one of " + DataClass.allowedNames());
        }

        private boolean checkMasking(CatalogColumn column, String table) {
            Masking masking = column.masking();
            boolean ok = true;
            if (masking == Masking.KEEP && column.dataClass().isPersonal()) {
                problems.add(CatalogProblem.inColumn(file, table, column.name(),
                        "masking 'keep' would export class '" + column.dataClass().yamlName() + "' unmasked",
                        "remove the override, pick a masking, or (after review) classify the column as internal"));
                ok = false;
            }
            if (column.dataClass().isPersonal() && column.dataClass() != DataClass.SECRET && masking != Masking.KEEP
                    && !column.dataClass().allows(masking)) {
                problems.add(CatalogProblem.inColumn(file, table, column.name(),
                        "masking '" + masking.yamlName() + "' is not allowed for class '"
                                + column.dataClass().yamlName() + "'",
                        "use one of " + column.dataClass().allowedMaskingNames() + ", or remove the override"));
                ok = false;
            }
            if (masking == Masking.TRUNCATE_DAY && column.type() == ColumnType.DATE && column.dataClass().isPersonal()) {
                problems.add(CatalogProblem.inColumn(file, table, column.name(),
                        "masking 'truncate_day' leaves a date unchanged, so class '"
                                + column.dataClass().yamlName() + "' would be exported exactly",
                        "use truncate_month or truncate_year, or drop the column"));
                ok = false;
            }
            if (column.dataClass() == DataClass.SECRET && masking != Masking.DROP) {
                problems.add(CatalogProblem.inColumn(file, table, column.name(),
                        "class 'secret' must be dropped, not '" + masking.yamlName() + "'",
                        "remove the 'masking' override"));
                ok = false;
            }
            if (!masking.appliesTo(column.type())) {
                problems.add(CatalogProblem.inColumn(file, table, column.name(),
                        "masking '" + masking.yamlName() + "' does not apply to type '" + column.type().yamlName() + "'",
                        "use it only on " + masking.applicableTypeNames() + ", or set another 'masking'"));
                ok = false;
            }
            return ok;
        }

        private Set<String> declaredNames(JsonNode columns) {
            Set<String> names = new HashSet<>();
            if (columns != null && columns.isArray()) {
                columns.forEach(c -> names.add(c.path("name").asText()));
            }
            return names;
        }

        private void checkIncremental(String incremental, Set<String> declared, List<CatalogColumn> columns, String table) {
            Optional<CatalogColumn> column = columns.stream().filter(c -> c.name().equals(incremental)).findFirst();
            if (!declared.contains(incremental)) {
                problems.add(CatalogProblem.inTable(file, table,
                        "incremental column '" + incremental + "' is not a column of the table",
                        "name one of the listed columns (e.g. updated_at) or remove 'incremental_column'"));
            } else if (column.isPresent() && column.get().masking() != Masking.KEEP) {
                // Embulk compares the last exported value with the output column, so it must be the real value.
                problems.add(CatalogProblem.inColumn(file, table, incremental,
                        "incremental column is masked ('" + column.get().masking().yamlName() + "')",
                        "use a kept column such as updated_at or a non-personal id"));
            } else if (column.isPresent() && !incremental.equals(TIE_BREAKER) && declared.stream().noneMatch(TIE_BREAKER::equals)) {
                // Rows that share the watermark value would be lost or read twice without a unique second key
                // (ExportQueries orders and filters by (incremental column, id)).
                problems.add(CatalogProblem.inColumn(file, table, incremental,
                        "incremental column has no unique tie-breaker: the table lists no column '" + TIE_BREAKER + "'",
                        "list the table's unique '" + TIE_BREAKER + "' column (it may be masked) or use it as the incremental column"));
            } else if (column.isPresent() && columns.stream().anyMatch(c -> c.name().equals(TIE_BREAKER) && c.masking() == Masking.DROP)) {
                // The export user's column grants cover only the columns that are not dropped.
                problems.add(CatalogProblem.inColumn(file, table, TIE_BREAKER,
                        "the incremental export's tie-breaker is dropped, so the export user may not read it",
                        "keep or pseudonymize '" + TIE_BREAKER + "'"));
            }
        }

        private <T> Optional<T> lookup(Optional<T> found, String table, String column, String problem, String fix) {
            if (found.isEmpty()) {
                problems.add(CatalogProblem.inColumn(file, table, column, problem, fix));
            }
            return found;
        }

        private Optional<String> requiredName(JsonNode node, String table, String column) {
            Optional<String> name = requiredText(node, "name", table, column, "add 'name: <lower_snake_case>'");
            if (name.isPresent() && !NAME.matcher(name.get()).matches()) {
                add(table, column, "name '" + name.get() + "' is not lower_snake_case",
                        "use letters a-z, digits and _ (starting with a letter, at most 63 characters)");
                return Optional.empty();
            }
            return name;
        }

        private Optional<String> requiredText(JsonNode node, String key, String table, String column, String fix) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()) {
                add(table, column, "missing field '" + key + "'", fix);
                return Optional.empty();
            }
            return Optional.of(value.asText());
        }

        private Optional<String> optionalText(JsonNode node, String key, String table) {
            JsonNode value = node.get(key);
            return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
        }

        private void unknownKeys(JsonNode node, Set<String> allowed, String where, String table, String column) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!allowed.contains(key)) {
                    add(table, column, "unknown key '" + key + "' in " + where,
                            "remove it or use one of " + String.join(", ", allowed.stream().sorted().toList()));
                }
            }
        }

        private void add(String table, String column, String problem, String fix) {
            if (table == null) {
                problems.add(CatalogProblem.inFile(file, problem, fix));
            } else if (column == null) {
                problems.add(CatalogProblem.inTable(file, table, problem, fix));
            } else {
                problems.add(CatalogProblem.inColumn(file, table, column, problem, fix));
            }
        }
    }
}
