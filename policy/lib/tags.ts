import taggable from "./taggable-types.json";
import { parseJsonInput, tagsAsMap } from "./props";

const TAGGABLE_TYPES: ReadonlySet<string> = new Set(taggable.types);

export function isTaggable(type: string): boolean {
    return TAGGABLE_TYPES.has(type);
}

export function taggableTypeCount(): number {
    return TAGGABLE_TYPES.size;
}

/**
 * The provider's `defaultTags`. Provider inputs reach the engine with nested objects as JSON strings
 * (`{"tags":{"Project":"..."}}`); a plain object is accepted too.
 */
export function providerDefaultTags(providerProps: Record<string, any> | undefined): Record<string, string> {
    const defaultTags = parseJsonInput(providerProps?.defaultTags);
    return tagsAsMap(parseJsonInput(defaultTags?.tags));
}

/** What AWS will store: provider default tags overlaid by the resource's own tags, as the provider merges them. */
export function effectiveTags(resourceTags: unknown, providerProps: Record<string, any> | undefined): Record<string, string> {
    return { ...providerDefaultTags(providerProps), ...tagsAsMap(resourceTags) };
}
