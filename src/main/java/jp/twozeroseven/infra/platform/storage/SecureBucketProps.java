package jp.twozeroseven.infra.platform.storage;

import jp.twozeroseven.infra.support.Scope;

import java.util.Objects;

/**
 * What {@link SecureBucket} builds.
 *
 * @param scope  provider, naming and tags of the bucket and its companions; the bucket's physical name is
 *               {@code scope.name(<component name>)}, and {@link Scope#protectsStateful()} protects a stateful one
 * @param bucket what may differ between buckets (encryption, access logs, statefulness, ACLs, tags, policy)
 */
public record SecureBucketProps(Scope scope, SecureBucket.BucketSpec bucket) {

    public SecureBucketProps {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(bucket, "bucket");
    }
}
