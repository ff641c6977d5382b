// IAM glob matching (`*` any run of characters, `?` one character), case-insensitive, as IAM compares action
// names. Used for ARNs too: being case-insensitive there only makes a guardrail stricter, never weaker.

function closure(pattern: string, states: Set<number>): Set<number> {
    const result = new Set(states);
    for (const i of states) {
        let j = i;
        while (j < pattern.length && pattern[j] === "*") {
            result.add(++j);
        }
    }
    return result;
}

/** Pattern positions reachable after reading `text`; empty when no string starting with `text` can match. */
function consume(pattern: string, text: string): Set<number> {
    const p = pattern.toLowerCase();
    let states = closure(p, new Set([0]));
    for (const ch of text.toLowerCase()) {
        const next = new Set<number>();
        for (const i of states) {
            if (i >= p.length) {
                continue;
            }
            if (p[i] === "*") {
                next.add(i);
            } else if (p[i] === "?" || p[i] === ch) {
                next.add(i + 1);
            }
        }
        states = closure(p, next);
        if (states.size === 0) {
            break;
        }
    }
    return states;
}

/** Whether the glob matches the whole of `text`. */
export function globMatches(pattern: string, text: string): boolean {
    return consume(pattern, text).has(pattern.length);
}

/** Whether the glob matches at least one string that starts with `prefix` (e.g. some object of a bucket). */
export function globMatchesSomeWithPrefix(pattern: string, prefix: string): boolean {
    return consume(pattern, prefix).size > 0;
}

/** Whether the glob matches every string that starts with `prefix` (e.g. all objects of a bucket). */
export function globMatchesAllWithPrefix(pattern: string, prefix: string): boolean {
    for (const i of consume(pattern, prefix)) {
        if (/^\*+$/.test(pattern.substring(i)) ) {
            return true;
        }
    }
    return false;
}
