// What the program and the pack must agree on, read from contracts.json: rendered from the Java source
// jp.twozeroseven.infra.contracts.SharedContracts and committed, so the pack builds on its own. Never edit the JSON by
// hand: SharedContractsTest fails when it differs from the Java source and prints the command that rewrites it.
import contracts from "./contracts.json";

/** Fields of a CODE_DEPLOY ECS service that CodeDeploy and autoscaling own once it exists. */
export const CODEDEPLOY_OWNED_SERVICE_FIELDS: readonly string[] = contracts.codeDeployOwnedFields.ecsService;
/** Fields of an ECS-controller (rolling update) service that its releases and autoscaling own once it exists. */
export const ECS_OWNED_SERVICE_FIELDS: readonly string[] = contracts.ecsOwnedFields.ecsService;
/** Fields of the production and test listener rules that CodeDeploy rewrites when it shifts traffic. */
export const CODEDEPLOY_OWNED_LISTENER_RULE_FIELDS: readonly string[] = contracts.codeDeployOwnedFields.listenerRule;

/** The docker label by which a container opts out of a read-only root filesystem, and the one that says why. */
export const WRITABLE_ROOT_LABEL: string = contracts.optOutLabels.writableRoot;
export const WRITABLE_ROOT_REASON_LABEL: string = contracts.optOutLabels.writableRootReason;

/** The one "looks like a secret" rule for an environment variable's name, shared with the program. */
export const SECRET_NAME = new RegExp(contracts.secretNames.pattern, contracts.secretNames.flags);
export const SECRET_NAME_EXAMPLES: readonly string[] = contracts.secretNames.secretExamples;
export const NOT_SECRET_NAME_EXAMPLES: readonly string[] = contracts.secretNames.notSecretExamples;

/** The custom New Relic event types the data pipeline posts. */
export const EVENT_TYPES: Readonly<{ etlRunSucceeded: string; etlHeartbeatCheck: string }> = contracts.eventTypes;
