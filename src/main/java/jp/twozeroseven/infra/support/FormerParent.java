package jp.twozeroseven.infra.support;

import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.deployment.Deployment;


/**
 * Where a resource lived in the component tree before a refactor moved it. A Pulumi URN is
 * {@code urn:pulumi:<stack>::<project>::<parent types joined by $>$<type>::<name>}, so moving a resource to another
 * parent changes its URN, and without an alias the engine would delete the old resource and create a new one
 * (https://www.pulumi.com/docs/iac/concepts/options/aliases/). The alias names the old parent's URN; the
 * resource's own type and name stay, so the alias resolves to exactly the URN the state holds.
 *
 * @param typeChain the old parent's types from the stack down, joined by {@code $}, as they appear in its URN
 *                  (for example {@code platform207:app:AppPlatform$platform207:registry:Registries})
 * @param name      the old parent's own name (for example {@code registries})
 */
public record FormerParent(String typeChain, String name) {

    public FormerParent {
        Required.components(FormerParent.class, typeChain, name);
        if (typeChain.isBlank() || typeChain.startsWith("$") || typeChain.endsWith("$")) {
            throw new IllegalArgumentException("a former parent's type chain must be types joined by $: "
                    + typeChain);
        }
    }

    /** The old parent's URN in the given stack and project (the form the engine keeps in state). */
    public String urn(String stack, String project) {
        return "urn:pulumi:" + stack + "::" + project + "::" + typeChain + "::" + name;
    }

    /** An alias from the running deployment's stack and project; the resource keeps its own type and name. */
    public Alias alias() {
        var deployment = Deployment.getInstance();
        return Alias.builder()
                .parentUrn(Output.of(urn(deployment.getStackName(), deployment.getProjectName())))
                .build();
    }
}
