package jp.twozeroseven.infra.iam;

import java.util.List;

/**
 * One IAM policy statement. Validation happens here, at build time, so a bad policy never reaches AWS:
 * the bare {@code *} action is refused (it grants or denies every API of every service, which nobody
 * reviewing a diff can reason about), and a statement without principals (an identity policy statement)
 * must name its resources.
 */
public record Statement(
        String sid,
        Effect effect,
        List<String> actions,
        List<String> resources,
        List<Principal> principals,
        List<Condition> conditions) {

    public Statement {
        String label = sid == null || sid.isBlank() ? "(statement without Sid)" : sid;
        if (sid != null && !sid.matches("[A-Za-z0-9]*")) {
            throw new IllegalArgumentException("IAM statement Sid '" + sid + "' may contain only letters and digits");
        }
        if (effect == null) {
            throw new IllegalArgumentException("IAM statement " + label + " has no effect; use Effect.ALLOW or Effect.DENY");
        }
        actions = List.copyOf(actions == null ? List.of() : actions);
        resources = List.copyOf(resources == null ? List.of() : resources);
        principals = List.copyOf(principals == null ? List.of() : principals);
        conditions = List.copyOf(conditions == null ? List.of() : conditions);
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("IAM statement " + label + " has no actions; name them, e.g. s3:GetObject");
        }
        for (String action : actions) {
            if (action == null || action.isBlank()) {
                throw new IllegalArgumentException("IAM statement " + label + " has an empty action");
            }
            if (action.trim().equals("*")) {
                throw new IllegalArgumentException("IAM statement " + label + " uses the wildcard action '*'; "
                        + "name the service actions instead, e.g. s3:GetObject or at most s3:*");
            }
        }
        if (principals.isEmpty() && resources.isEmpty()) {
            throw new IllegalArgumentException("IAM statement " + label + " has no resources; "
                    + "name the ARNs it applies to (use \"*\" only for actions that do not support resource-level permissions)");
        }
        for (String resource : resources) {
            if (resource == null || resource.isBlank()) {
                throw new IllegalArgumentException("IAM statement " + label + " has an empty resource ARN");
            }
        }
    }

    public static Statement allow(String sid, List<String> actions, List<String> resources) {
        return new Statement(sid, Effect.ALLOW, actions, resources, List.of(), List.of());
    }

    public Statement withConditions(List<Condition> newConditions) {
        return new Statement(sid, effect, actions, resources, principals, newConditions);
    }
}
