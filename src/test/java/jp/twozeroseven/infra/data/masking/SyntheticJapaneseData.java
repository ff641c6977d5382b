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
import jp.twozeroseven.infra.catalog.Catalog;
import jp.twozeroseven.infra.catalog.CatalogColumn;
import jp.twozeroseven.infra.catalog.CatalogTable;

/**
 * Realistic but invented Japanese personal data for every catalog table, seeded so a failure can
 * be replayed. Values are chosen to be distinctive (10-digit ids, 6-decimal coordinates, unique
 * note tokens) so that a leak of any of them is detectable as a substring of the output. Contacts and
 * text ids come in many spellings of a few identities (full-width digits, ideographic spaces, +81, 0081,
 * brackets, upper case), and some are blank; {@link #truth()} records the canonical value of every spelling
 * (null for blanks), so the masking is checked against what the value is, not against the SQL's own rules.
 * Driver and customer ids overlap on purpose: the same number must give two unrelated pseudonyms.
 */
final class SyntheticJapaneseData {
    static final int ROWS_PER_TABLE = 40;
    // Rare kanji and a surrogate pair (𠮷) included; two-character and one-character names too.
    private static final List<String> FAMILY = List.of("佐藤", "鈴木", "髙橋", "田中", "𠮷田", "渡邉", "山本", "齋藤", "小林", "林");
    private static final List<String> FAMILY_KANA = List.of("サトウ", "スズキ", "タカハシ", "タナカ", "イトウ", "ワタナベ", "ヤマモト", "ナカムラ", "コバヤシ", "カトウ");
    private static final List<String> FAMILY_ROMAJI = List.of("sato", "suzuki", "takahashi", "tanaka", "ito", "watanabe", "yamamoto", "nakamura", "kobayashi", "kato");
    private static final List<String> GIVEN = List.of("翔太", "陽菜", "蓮", "結衣", "大輝", "美咲", "悠真", "さくら", "健一", "彌生");
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

    /** Blank spellings: every one must become NULL, never a shared pseudonym. */
    static final List<String> BLANKS = List.of("", " ", "\u3000", "\t", " \u3000 ", "\u200b");
    private static final int PHONE_IDENTITIES = 30;
    private static final int EMAIL_IDENTITIES = 30;
    private static final List<String> PERSON_TABLES = List.of("drivers", "customers");

    private final Random random;
    private final Map<String, List<Long>> idsByTable = new HashMap<>();
    private final Map<String, String> truth = new HashMap<>();
    private final List<String> phones = new ArrayList<>();
    private final List<String> emails = new ArrayList<>();
    private long nextId = 7_104_000_001L;

    SyntheticJapaneseData(long seed) {
        this.random = new Random(seed);
    }

    /** Rows per table name, each a column-name-to-value map in catalog order (values may be null). */
    Map<String, List<Map<String, Object>>> generate(Catalog catalog) {
        List<Long> personIds = new ArrayList<>();
        for (int i = 0; i < ROWS_PER_TABLE; i++) {
            personIds.add(nextId);
            nextId += 1 + random.nextInt(997);
        }
        for (CatalogTable table : catalog.tables()) {
            List<Long> ids = new ArrayList<>();
            if (PERSON_TABLES.contains(table.name())) {
                ids.addAll(personIds); // driver 7104000001 and customer 7104000001 both exist
            } else {
                for (int i = 0; i < ROWS_PER_TABLE; i++) {
                    ids.add(nextId);
                    nextId += 1 + random.nextInt(997);
                }
            }
            idsByTable.put(table.name(), ids);
        }
        for (int i = 0; i < PHONE_IDENTITIES; i++) {
            // Mobile 070/080/090 and landlines (06 Osaka, 03 Tokyo, 0120 free dial), as national significant numbers.
            phones.add(switch (i % 4) {
                case 0 -> "90" + digits(8);
                case 1 -> "80" + digits(8);
                case 2 -> "6" + digits(8);
                default -> "3" + digits(8);
            });
        }
        for (int i = 0; i < EMAIL_IDENTITIES; i++) {
            String local = FAMILY_ROMAJI.get(i % FAMILY_ROMAJI.size()) + "." + digits(4);
            // A plus tag is another mailbox name for the provider, so another identity for us (docs/data-governance.md).
            emails.add((i % 5 == 4 ? local + "+shop" : local) + "@" + List.of("example.jp", "mail.example.co.jp").get(i % 2));
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

    /** The canonical value of every generated spelling of a contact or text id; null for a blank spelling. */
    Map<String, String> truth() {
        return truth;
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
                return index % 11 == 5 ? blank() : phoneSpelling(phones.get(random.nextInt(phones.size())));
            case "email":
                return index % 11 == 5 ? blank() : emailSpelling(emails.get(random.nextInt(emails.size())));
            case "postal_code", "delivery_postal_code":
                return postalSpelling(place[2]);
            case "prefecture":
                return place[0];
            case "address", "delivery_address", "sender_address":
                String address = place[0] + place[1] + (1 + random.nextInt(9)) + "-" + (1 + random.nextInt(20)) + "-"
                        + (1 + random.nextInt(30)) + " " + digits(3) + "号室";
                String spelled = switch (index % 6) {
                    case 0 -> "〒" + place[2] + " " + address;
                    case 1 -> "〒" + fullWidth(place[2]) + "\u3000" + address;
                    case 2 -> "\u3000\u3000" + address;
                    case 3 -> " 〒 " + place[2].replace("-", "ー") + "　" + address;
                    default -> address;
                };
                truth.put(spelled, place[0]);
                return spelled;
            case "lat", "start_lat":
                return coordinate(place[3], column);
            case "lng", "start_lng":
                return coordinate(place[4], column);
            case "employee_code":
                String code = "DRV-" + digits(6);
                String codeSpelling = index % 4 == 1 ? "\u3000" + fullWidth(code) + " " : code;
                truth.put(codeSpelling, code);
                return codeSpelling;
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
                // Free text with an embedded contact: dropped, so neither may appear anywhere.
                return NOTES.get(random.nextInt(NOTES.size())) + " (メモ" + digits(6) + ") 連絡先 "
                        + phoneSpelling(phones.get(random.nextInt(phones.size())));
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
            // A tenth of the identifying instants sit one microsecond before or exactly at midnight in Japan (15:00 UTC);
            // kept ones are random to the microsecond, so an equal kept value is an exposure, not a coincidence.
            case TIMESTAMPTZ, TIMESTAMP -> column.dataClass() == jp.twozeroseven.infra.catalog.DataClass.TIMESTAMP_IDENTIFYING
                    && random.nextInt(10) == 0
                    ? OffsetDateTime.of(2024, 4 + random.nextInt(3), 1 + random.nextInt(28), 14, 59, 59, 999_999_000,
                            ZoneOffset.UTC).plusNanos(random.nextBoolean() ? 1_000 : 0)
                    : OffsetDateTime.of(2024, 4 + random.nextInt(3), 1 + random.nextInt(28),
                            random.nextInt(24), 1 + random.nextInt(59), 1 + random.nextInt(59), 1_000 * random.nextInt(1_000_000),
                            ZoneOffset.UTC);
            case TEXT -> "text-" + digits(8);
            case NUMERIC, DOUBLE -> BigDecimal.valueOf(random.nextInt(1_000_000), 3);
            case UUID, JSONB -> throw new IllegalStateException("no generator for " + column);
        };
    }

    /** A point within about 5 km of the place, with six decimals (GPS precision, about 10 cm). */
    private Object coordinate(String centre, CatalogColumn column) {
        BigDecimal value = new BigDecimal(centre).add(BigDecimal.valueOf(random.nextInt(90_001) - 45_000, 6))
                .setScale(6, RoundingMode.UNNECESSARY);
        return column.type() == jp.twozeroseven.infra.catalog.ColumnType.DOUBLE ? value.doubleValue() : value;
    }

    /** One of fifteen spellings of the national significant number (no leading 0). */
    private String phoneSpelling(String national) {
        String e164 = "+81" + national;
        String n = "0" + national;
        boolean mobile = national.length() == 10;
        String a = mobile ? n.substring(0, 3) : n.substring(0, 2);
        String b = mobile ? n.substring(3, 7) : n.substring(2, 6);
        String c = mobile ? n.substring(7) : n.substring(6);
        String spelled = switch (random.nextInt(15)) {
            case 0 -> a + "-" + b + "-" + c;
            case 1 -> n;
            case 2 -> "(" + a + ")" + b + "-" + c;
            case 3 -> a + "." + b + "." + c;
            case 4 -> a + " " + b + " " + c;
            case 5 -> fullWidth(a + "-" + b + "-" + c);
            case 6 -> fullWidth(n);
            case 7 -> "+81 " + a.substring(1) + "-" + b + "-" + c;
            case 8 -> "+81-(0)" + a.substring(1) + "-" + b + "-" + c;
            case 9 -> "0081-" + a.substring(1) + "-" + b + "-" + c;
            case 10 -> "010-81-" + a.substring(1) + b + c;
            case 11 -> fullWidth("+81" + national);
            case 12 -> " " + a + "-" + b + "-" + c + "\u3000";
            case 13 -> "TEL: " + a + "-" + b + "-" + c;
            default -> "\u3000" + fullWidth(a) + "（" + fullWidth(b) + "）" + c;
        };
        truth.put(spelled, e164);
        return spelled;
    }

    private String emailSpelling(String address) {
        String spelled = switch (random.nextInt(6)) {
            case 0 -> address;
            case 1 -> " " + address.toUpperCase(Locale.ROOT) + " ";
            case 2 -> fullWidth(address);
            case 3 -> "\u3000" + address.substring(0, 1).toUpperCase(Locale.ROOT) + address.substring(1) + "\t";
            case 4 -> address.replace("example", "Example");
            default -> fullWidth(address.toUpperCase(Locale.ROOT)) + "\u3000";
        };
        truth.put(spelled, address);
        return spelled;
    }

    private String postalSpelling(String code) {
        String spelled = switch (random.nextInt(4)) {
            case 0 -> code;
            case 1 -> fullWidth(code);
            case 2 -> "〒" + code;
            default -> code.replace("-", "");
        };
        truth.put(spelled, code.substring(0, 3));
        return spelled;
    }

    private String blank() {
        String spelled = BLANKS.get(random.nextInt(BLANKS.size()));
        truth.put(spelled, null);
        return spelled;
    }

    /** ASCII letters, digits and signs to their full-width forms (U+FF01..U+FF5E), as typed with a Japanese IME. */
    static String fullWidth(String ascii) {
        StringBuilder s = new StringBuilder();
        for (char ch : ascii.toCharArray()) {
            s.append(ch >= '!' && ch <= '~' ? (char) (ch - '!' + '\uFF01') : ch);
        }
        return s.toString();
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
