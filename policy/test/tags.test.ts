import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { effectiveTags, isTaggable, providerDefaultTags, taggableTypeCount } from "../lib/tags";

describe("taggable types", () => {
    it("are derived from @pulumi/aws, several hundred of them", () => {
        assert.ok(taggableTypeCount() > 700, `only ${taggableTypeCount()}`);
        assert.ok(isTaggable("aws:s3/bucketV2:BucketV2"));
        assert.ok(!isTaggable("aws:s3/bucketPolicy:BucketPolicy"));
    });
});

describe("provider default tags", () => {
    it("parse the JSON string the engine passes and let resource tags win", () => {
        const provider = { defaultTags: JSON.stringify({ tags: { Project: "p", Owner: "platform" } }) };
        assert.deepEqual(providerDefaultTags(provider), { Project: "p", Owner: "platform" });
        assert.deepEqual(effectiveTags({ Owner: "data" }, provider), { Project: "p", Owner: "data" });
        assert.deepEqual(effectiveTags(undefined, { defaultTags: { tags: { A: "1" } } }), { A: "1" });
        assert.deepEqual(effectiveTags(undefined, { defaultTags: "not json" }), {});
    });
});
