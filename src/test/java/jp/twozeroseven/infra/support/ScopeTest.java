package jp.twozeroseven.infra.support;

import jp.twozeroseven.infra.testsupport.ComponentHarness;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ScopeTest {

    @Test
    void namesAndTagsComeFromThePrefixAndTheService() {
        Scope scope = ComponentHarness.detachedScope().forService("data-pipeline");
        assertThat(scope.name("vpc")).isEqualTo(ComponentHarness.PREFIX + "-vpc");
        assertThat(scope.tags("x")).containsEntry("Service", "data-pipeline").containsEntry("Name", "x");
        assertThat(scope.region()).isEqualTo(ComponentHarness.REGION);
        assertThat(scope.accountId()).isEqualTo(ComponentHarness.ACCOUNT);
    }

    @Test
    void extraTagsFollowServiceAndName() {
        Scope scope = ComponentHarness.detachedScope().forService("platform");
        Map<String, String> tags = scope.tags("subnet", Map.of("Tier", "public"));
        assertThat(tags.keySet()).containsExactly("Service", "Name", "Tier");
        assertThat(tags).containsEntry("Service", "platform").containsEntry("Name", "subnet")
                .containsEntry("Tier", "public");
    }

    @Test
    void statefulOptionsFollowTheScopesProtectionNotTheSettings() {
        Scope unprotected = ComponentHarness.detachedScope();
        assertThat(unprotected.protectsStateful()).isFalse();
        assertThat(unprotected.statefulOptions().isProtect()).isFalse();
        Scope production = Scope.root(null, "ap-northeast-1", "123456789012", "p", true, unprotected.tags(), "platform");
        assertThat(production.statefulOptions().isProtect()).isTrue();
        assertThat(production.statefulOptions().isRetainOnDelete()).isTrue();
        assertThat(production.child(null).protectsStateful()).isTrue();
    }

    /** Issue 17: a scope carries provider, naming, protection and tags only; values come through props. */
    @Test
    void aScopeCarriesNoSettings() {
        assertThat(java.util.Arrays.stream(Scope.class.getDeclaredFields()).map(f -> f.getType().getName()))
                .noneMatch(t -> t.startsWith("jp.twozeroseven.infra.settings."));
        assertThat(java.util.Arrays.stream(Scope.class.getDeclaredMethods()).map(m -> m.getReturnType().getName()))
                .noneMatch(t -> t.startsWith("jp.twozeroseven.infra.settings."));
    }
}
