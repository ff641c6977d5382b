// SQL fragments as jp.twozeroseven.infra.data.masking generates them (copied from the synthesized
// config/embulk/masked/customers.yml.liquid of this branch), for the masked-query cases. Written out here rather
// than taken from policy/lib/masking-sql.ts, so that a wrong FORMS table there fails these cases.

/** White space after NFKC plus the invisible characters NFKC keeps, as the regex text in the SQL. */
const SP = "[[:space:]\\u200b\\u2060\\ufeff]";
/** CanonicalForms.of(ID, col). */
export const idForm = (col: string) => `nullif(regexp_replace(normalize(${col}::text, NFKC), '^${SP}+|${SP}+$', '', 'g'), '')`;
/** CanonicalForms.of(EMAIL, col). */
export const emailForm = (col: string) => `nullif(lower(regexp_replace(normalize(${col}::text, NFKC), '^${SP}+|${SP}+$', '', 'g')), '')`;
/** CanonicalForms.of(TEXT, col). */
export const textForm = (col: string) => `nullif(btrim(regexp_replace(normalize(${col}::text, NFKC), '${SP}+', ' ', 'g')), '')`;
/** CanonicalForms.of(PHONE, col): E.164. */
export const phoneForm = (col: string) => "substring(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace("
    + `regexp_replace(regexp_replace(normalize(${col}::text, NFKC), '[^0-9+]', '', 'g'), '(^[+])|[+]', '\\1', 'g'), '^(00|010)', '+'), `
    + "'^0', '+81'), '^[+]810', '+81'), '^([1-9][0-9]{8,9})$', '+81\\1'), '^([0-9])', '+\\1') from '^[+][0-9]+$')";
/** MaskingPlan.pseudonym: `encode(hmac('<entity>:' || <form>, k.pseudonym_key, 'sha256'), 'hex') AS "<name>"`. */
export const pseudonym = (entity: string, form: string, name: string, key = "k.pseudonym_key") =>
    `encode(hmac('${entity}:' || ${form}, ${key}, 'sha256'), 'hex') AS "${name}"`;
/** KAnonymity's wrapper of a quasi-identifier. */
export const suppressible = (expression: string, name: string) =>
    `CASE WHEN q."_suppressed" IS NOT FALSE THEN NULL ELSE ${expression} END AS "${name}"`;
export const KEY_JOIN = "CROSS JOIN (SELECT current_setting('app.pseudonym_key') AS pseudonym_key) AS k";
/** PseudonymKey.CHECK: the fail-closed key check, the first conjunct of WHERE. */
export const KEY_CHECK = "CASE WHEN k.pseudonym_key ~ '^[0-9a-f]{64}$' AND k.pseudonym_key !~ '^(.+)\\1+$' AND (SELECT count(DISTINCT d) "
    + "FROM regexp_split_to_table(k.pseudonym_key, '') AS d) >= 10 THEN true ELSE ('pseudonym key rejected: set app.pseudonym_key to 64 "
    + "lower-case hex digits of a random key (openssl rand -hex 32)' || left(k.pseudonym_key, 0))::boolean END";
/** MaskingPlan.keyIdExpression. */
export const KEY_ID = "left(encode(hmac('pseudonym-key-id', k.pseudonym_key, 'sha256'), 'hex'), 16) AS \"pseudonym_key_id\"";
