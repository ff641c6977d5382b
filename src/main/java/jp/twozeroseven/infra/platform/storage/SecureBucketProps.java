package jp.twozeroseven.infra.platform.storage;

import jp.twozeroseven.infra.support.Required;
import jp.twozeroseven.infra.support.Scope;


/**
 * What {@link SecureBucket} builds.
 *
 * @param scope  provider, naming and tags of the bucket and its companions; the bucket's physical name is
 *               {@code scope.name(<component name>)}, and {@link Scope#protectsStateful()} protects a stateful one
 * @param bucket what may differ between buckets (encryption, access logs, statefulness, ACLs, tags, policy)
 */
public record SecureBucketProps(Scope scope, SecureBucket.BucketSpec bucket) {

    public SecureBucketProps {
        Required.components(SecureBucketProps.class, scope, bucket);
    }
}
