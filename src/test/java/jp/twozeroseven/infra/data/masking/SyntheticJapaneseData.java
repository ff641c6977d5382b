package jp.twozeroseven.infra.data.masking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import jp.twozeroseven.infra.data.catalog.Catalog;
import jp.twozeroseven.infra.data.catalog.CatalogColumn;
import jp.twozeroseven.infra.data.catalog.CatalogTable;

/**
 * Realistic but invented Japanese personal data for every catalog table, seeded so a failure can
 * be replayed. Values are chosen to be distinctive (10-digit ids, 6-decimal coordinates, unique
 * note tokens) so that a leak of any of them is detectable as a substring of the output.
 */
final class SyntheticJapaneseData {
    static final int ROWS_PER_TABLE = 40;
    private static final List<String> FAMILY = List.of("佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤");
    private static final List<String> FAMILY_KANA = List.of("サトウ", "スズキ", "タカハシ", "タナカ", "イトウ", "ワタナベ", "ヤマモト", "ナカムラ", "コバヤシ", "カトウ");
    private static final List<String> FAMILY_ROMAJI = List.of("sato", "suzuki", "takahashi", "tanaka", "ito", "watanabe", "yamamoto", "nakamura", "kobayashi", "kato");
    private static final List<String> GIVEN = List.of("翔太", "陽菜", "蓮", "結衣", "大輝", "美咲", "悠真", "さくら", "健一", "由美");
    private static final List<String> GIVEN_KANA = List.of("ショウタ", "ヒナ", "レン", "ユイ", "ダイキ", "ミサキ", "ユウマ", "サクラ", "ケンイチ", "ユミ");
    private static final List<String[]> PLACES = List.of(
            new String[] {"東京都", "千代田区丸の内", "100-0005", "35.681236", "139.767125"},
            new String[] {"東京都", "世田谷区三軒茶屋", "154-0024", "35.643910", "139.671175"},
            new String[] {"神奈川県", "横浜市西区高島", "220-0011", "35.465786", "139.622313"},
            new String[] {"大阪府", "大阪市北区梅田", "530-0001", "34.702485", "135.495951"},
            new String[] {"京都府", "京都市下京区東塩小路町", "600-8216", "34.985849", "135.758767"},
            new String[] {"北海道", "札幌市中央区北五条西", "060-0005", "43.068661", "141.350755"},
            new String[] {"福岡県", "福岡市博多区博多駅中央街", "812-0012", "33.589728", "130.420727"},
            new String[] {"愛知県", "名古屋市中村区名駅", "450-0002", "35.170915", "136.881537"},
            new String[] {"和歌山県", "和歌山市美園町", "640-8331", "34.232554", "135.190733"},
            new String[] {"鹿児島県", "鹿児島市中央町", "890-0053", "31.583755", "130.541444"});
    private static final List<String> NOTES = List.of("置き配希望 玄関前", "インターホン故障中、電話してください", "犬がいます",
            "夜間は不在がち", "宅配ボックス利用可", "2階奥の部屋");

    private final Random random;
    private final Map<String, List<Long>> idsByTable = new HashMap<>();
    private long nextId = 7_104_000_001L;

    SyntheticJapaneseData(long seed) {
        this.random = new Random(seed);
    }

    /** Rows per table name, each a column-name-to-value map in catalog order (values may be null). */
    Map<String, List<Map<String, Object>>> generate(Catalog catalog) {
        for (CatalogTable table : catalog.tables()) {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < ROWS_PER_TABLE; i++) {
                ids.add(nextId);
                nextId += 1 + random.nextInt(997);
            }
            idsByTable.put(table.name(), ids);
        }
        Map<String, List<Map<String, Object>>> data = new LinkedHashMap<>();
        for (CatalogTable table : catalog.tables()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < ROWS_PER_TABLE; i++) {
                rows.add(row(table, i));
            }
            data.put(table.name(), rows);
        }
        return data;
    }

    private Map<String, Object> row(CatalogTable table, int index) {
        Map<String, Object> row = new LinkedHashMap<>();
        int person = random.nextInt(FAMILY.size());
        int given = random.nextInt(GIVEN.size());
        String[] place = PLACES.get(random.nextInt(PLACES.size()));
        for (CatalogColumn column : table.columns()) {
            boolean mandatory = column.name().equals("id") || table.incrementalColumn().orElse("").equals(column.name());
            // Every eighth row leaves the optional columns NULL: masking must keep NULL as NULL.
            if (!mandatory && index % 8 == 7) {
                row.put(column.name(), null);
                continue;
            }
            row.put(column.name(), value(table, column, index, person, given, place));
        }
        return row;
    }

    private Object value(CatalogTable table, CatalogColumn column, int index, int person, int given, String[] place) {
        String name = column.name();
        switch (name) {
            case "id":
                return idsByTable.get(table.name()).get(index);
            case "driver_id":
                return pick("drivers");
            case "customer_id":
                return pick("customers");
            case "route_id":
                return pick("routes");
            case "vehicle_id":
                return pick("vehicles");
            case "delivery_id":
                return pick("deliveries");
            case "family_name":
                return FAMILY.get(person);
            case "given_name":
                return GIVEN.get(given);
            case "name_kana":
                return FAMILY_KANA.get(person) + " " + GIVEN_KANA.get(given);
            case "recipient_name", "sender_name":
                return FAMILY.get(person) + " " + GIVEN.get(given);
            case "phone", "recipient_phone", "sender_phone":
                return (random.nextBoolean() ? "090-" : "080-") + digits(4) + "-" + digits(4);
            case "email":
                // Mixed case and padding: contacts are normalised before hashing.
                String local = FAMILY_ROMAJI.get(person) + "." + digits(5);
                return index % 3 == 0 ? " " + local.toUpperCase(Locale.ROOT) + "@Example.JP" : local + "@example.jp";
            case "postal_code", "delivery_postal_code":
                return place[2];
            case "prefecture":
                return place[0];
            case "address", "delivery_address", "sender_address":
                String address = place[0] + place[1] + (1 + random.nextInt(9)) + "-" + (1 + random.nextInt(20)) + "-"
                        + (1 + random.nextInt(30)) + " " + digits(3) + "号室";
                return index % 5 == 0 ? "〒" + place[2] + " " + address : address;
            case "lat", "start_lat":
                return coordinate(place[3], column);
            case "lng", "start_lng":
                return coordinate(place[4], column);
            case "employee_code":
                return "DRV-" + digits(6);
            case "license_number":
                return "3" + digits(11);
            case "device_id", "gps_device_id":
                return UUID.nameUUIDFromBytes(("device" + random.nextLong()).getBytes()).toString().toUpperCase(Locale.ROOT);
            case "plate_number":
                return List.of("品川", "練馬", "なにわ", "札幌").get(random.nextInt(4)) + " 4" + digits(2) + " "
                        + List.of("あ", "か", "さ", "た").get(random.nextInt(4)) + " " + digits(2) + "-" + digits(2);
            case "tracking_number":
                return "4" + digits(3) + "-" + digits(4) + "-" + digits(4);
            case "password_digest":
                return "$2a$12$" + digits(10) + "abcdefghijKLMNOPQRSTuvwxyz0123456789ABCDEFG";
            case "notes", "memo", "delivery_instructions", "contents_description":
                return NOTES.get(random.nextInt(NOTES.size())) + " (メモ" + digits(6) + ")";
            case "status":
                return List.of("active", "delivered", "absent", "in_transit").get(random.nextInt(4));
            case "employment_type":
                return random.nextBoolean() ? "employee" : "contractor";
            case "event_type":
                return List.of("scanned", "arrived", "delivered", "absent").get(random.nextInt(4));
            case "time_window":
                return List.of("08-12", "14-16", "16-18", "18-20", "19-21").get(random.nextInt(5));
            case "size_class":
                return List.of("60", "80", "100", "120").get(random.nextInt(4));
            case "model":
                return List.of("トヨタ ハイエース", "日産 NV200", "スズキ エブリイ").get(random.nextInt(3));
            case "app_version":
                return "3." + random.nextInt(20) + "." + random.nextInt(10);
            default:
                return byType(column);
        }
    }

    private Object byType(CatalogColumn column) {
        return switch (column.type()) {
            case SMALLINT, INTEGER -> 1 + random.nextInt(500);
            case BIGINT -> 1_000L + random.nextInt(100_000);
            case BOOLEAN -> random.nextBoolean();
            case DATE -> column.name().equals("birth_date")
                    ? LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 2 + random.nextInt(27))
                    : LocalDate.of(2015 + random.nextInt(10), 1 + random.nextInt(12), 2 + random.nextInt(27));
            case TIMESTAMPTZ, TIMESTAMP -> OffsetDateTime.of(2024, 4 + random.nextInt(3), 1 + random.nextInt(28),
                    random.nextInt(24), 1 + random.nextInt(59), 1 + random.nextInt(59), 0, ZoneOffset.UTC);
            case TEXT -> "text-" + digits(8);
            case NUMERIC, DOUBLE -> BigDecimal.valueOf(random.nextInt(1_000_000), 3);
            case UUID, JSONB -> throw new IllegalStateException("no generator for " + column);
        };
    }

    /** A point within about 5 km of the place, with six decimals (GPS precision, about 10 cm). */
    private Object coordinate(String centre, CatalogColumn column) {
        BigDecimal value = new BigDecimal(centre).add(BigDecimal.valueOf(random.nextInt(90_001) - 45_000, 6))
                .setScale(6, RoundingMode.UNNECESSARY);
        return column.type() == jp.twozeroseven.infra.data.catalog.ColumnType.DOUBLE ? value.doubleValue() : value;
    }

    private Long pick(String table) {
        List<Long> ids = idsByTable.get(table);
        return ids.get(random.nextInt(ids.size()));
    }

    private String digits(int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            s.append(random.nextInt(10));
        }
        return s.toString();
    }
}
