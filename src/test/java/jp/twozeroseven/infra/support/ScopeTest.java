package jp.twozeroseven.infra.support;

import jp.twozeroseven.infra.testsupport.ComponentHarness;
import jp.twozeroseven.infra.testsupport.SynthedStacks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void statefulOptionsFollowTheScopesProtectionNotTheSettings() {
        Scope unprotected = ComponentHarness.detachedScope();
        assertThat(unprotected.protectsStateful()).isFalse();
        assertThat(unprotected.statefulOptions().isProtect()).isFalse();
        Scope production = Scope.root(null, "ap-northeast-1", "123456789012", "p", true, unprotected.tags(), "platform");
        assertThat(production.statefulOptions().isProtect()).isTrue();
        assertThat(production.statefulOptions().isRetainOnDelete()).isTrue();
        assertThat(production.child(null).protectsStateful()).isTrue();
    }

    @Test
    void aScopeWithoutSettingsSaysWhereTheValuesGo() {
        @SuppressWarnings("deprecation")
        var call = (org.assertj.core.api.ThrowableAssert.ThrowingCallable) () -> ComponentHarness.detachedScope().settings();
        assertThatThrownBy(call).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("props").hasMessageContaining("composition");
    }

    @Test
    @SuppressWarnings("deprecation")
    void theLegacyConstructorDerivesTheSameScopeFromSettings() {
        var settings = SynthedStacks.settings("prod");
        Scope legacy = new Scope(null, null, settings, jp.twozeroseven.infra.tagging.StackTags.of(settings), "platform");
        assertThat(legacy.namePrefix()).isEqualTo(settings.namePrefix());
        assertThat(legacy.protectsStateful()).isTrue();
        assertThat(legacy.accountId()).isEqualTo(settings.accountId());
        assertThat(legacy.settings()).isSameAs(settings);
    }
}
