package jp.twozeroseven.infra.synth;

import com.pulumi.test.Mocks;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Deterministic stand-ins for what AWS and New Relic would return, so the offline synth is repeatable: the same
 * program and config always give the same ids, ARNs and endpoints.
 *
 * <p>In {@link SynthMode#PREVIEW} they answer as the engine does in the first {@code pulumi preview} of an empty
 * stack: a resource to be created has no id yet and its outputs are only its known inputs, so every property the
 * provider computes (ARNs, ids, endpoints) is unknown to the program, and whatever is derived from it is sent to
 * the engine as the unknown sentinel. Invokes still answer, as they do in a real preview.
 */
public final class OfflineMocks implements Mocks {

    private final String accountId;
    private final String region;
    private final SynthMode mode;

    public OfflineMocks(String accountId, String region) {
        this(accountId, region, SynthMode.FULL);
    }

    public OfflineMocks(String accountId, String region, SynthMode mode) {
        this.accountId = accountId;
        this.region = region;
        this.mode = mode;
    }

    public SynthMode mode() {
        return mode;
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        if (mode == SynthMode.PREVIEW && !args.type.startsWith("pulumi:providers:")) {
            // The SDK's mock monitor has already dropped the unknown inputs; an empty id is unknown in a dry run.
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.empty(), new HashMap<>(args.inputs)));
        }
        Map<String, Object> state = new HashMap<>(args.inputs);
        String physical = physicalName(args);
        String id = args.type.startsWith("pulumi:providers:") ? stableUuid(args.name) : awsId(args.type, physical);
        state.putIfAbsent("arn", arn(args.type, physical));
        state.putAll(computed(args.type, physical, args.inputs));
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        Map<String, Object> result = switch (String.valueOf(args.token)) {
            case "aws:index/getCallerIdentity:getCallerIdentity" -> Map.of("accountId", accountId,
                    "arn", "arn:aws:iam::" + accountId + ":user/offline", "userId", "OFFLINE", "id", accountId);
            case "aws:index/getRegion:getRegion" -> Map.of("name", region, "id", region);
            case "newrelic:index/getEntity:getEntity" -> {
                String name = String.valueOf(args.args.get("name"));
                yield Map.of("guid", entityGuid("APM|APPLICATION|" + name), "name", name,
                        "applicationId", Math.abs(name.hashCode()), "accountId", 0, "type", "APPLICATION",
                        "domain", "APM", "id", name);
            }
            default -> Map.of();
        };
        return CompletableFuture.completedFuture(result);
    }

    /** Ids in AWS's own shapes where consumers validate them (subnet-..., sg-..., 10-character REST API ids). */
    private static String awsId(String type, String physical) {
        String hex = stableUuid(type + "|" + physical).replace("-", "");
        return switch (type) {
            case "aws:ec2/subnet:Subnet" -> "subnet-" + hex.substring(0, 17);
            case "aws:ec2/securityGroup:SecurityGroup" -> "sg-" + hex.substring(0, 17);
            case "aws:apigateway/restApi:RestApi" -> hex.substring(0, 10);
            // A synthetics monitor's id is its entity GUID (the SyntheticCheck events' entityGuid).
            case "newrelic:synthetics/monitor:Monitor" -> entityGuid("MONITOR|" + physical);
            default -> physical;
        };
    }

    private static String physicalName(ResourceArgs args) {
        for (String key : new String[]{"name", "bucket", "functionName", "clusterIdentifier", "identifier"}) {
            Object value = args.inputs.get(key);
            if (value instanceof String s && !s.isBlank()) {
                return s;
            }
        }
        return args.name;
    }

    private String arn(String type, String physical) {
        String service = type.contains(":") ? type.split(":")[1].split("/")[0] : "unknown";
        String regional = "arn:aws:%s:" + region + ":" + accountId + ":";
        return switch (type) {
            case "aws:s3/bucketV2:BucketV2" -> "arn:aws:s3:::" + physical;
            case "aws:iam/role:Role" -> "arn:aws:iam::" + accountId + ":role/" + physical;
            case "aws:iam/policy:Policy" -> "arn:aws:iam::" + accountId + ":policy/" + physical;
            case "aws:iam/openIdConnectProvider:OpenIdConnectProvider" ->
                    "arn:aws:iam::" + accountId + ":oidc-provider/" + physical;
            case "aws:secretsmanager/secret:Secret" -> regional.formatted("secretsmanager") + "secret:" + physical + "-AbCdEf";
            case "aws:cloudwatch/logGroup:LogGroup" -> regional.formatted("logs") + "log-group:" + physical;
            case "aws:ecs/cluster:Cluster" -> regional.formatted("ecs") + "cluster/" + physical;
            case "aws:ecs/service:Service" -> regional.formatted("ecs") + "service/" + physical;
            case "aws:ecs/taskDefinition:TaskDefinition" -> regional.formatted("ecs") + "task-definition/" + physical + ":1";
            case "aws:ecr/repository:Repository" -> regional.formatted("ecr") + "repository/" + physical;
            case "aws:kms/key:Key" -> regional.formatted("kms") + "key/" + stableUuid(physical);
            case "aws:lb/loadBalancer:LoadBalancer" -> regional.formatted("elasticloadbalancing") + "loadbalancer/app/" + physical + "/0123456789abcdef";
            case "aws:lb/targetGroup:TargetGroup" -> regional.formatted("elasticloadbalancing") + "targetgroup/" + physical + "/0123456789abcdef";
            case "aws:lb/listener:Listener" -> regional.formatted("elasticloadbalancing") + "listener/app/" + physical + "/0123456789abcdef/0123456789abcdef";
            case "aws:rds/cluster:Cluster" -> regional.formatted("rds") + "cluster:" + physical;
            case "aws:sfn/stateMachine:StateMachine" -> regional.formatted("states") + "stateMachine:" + physical;
            case "aws:cloudwatch/eventConnection:EventConnection" ->
                    regional.formatted("events") + "connection/" + physical + "/" + stableUuid(physical);
            case "aws:sqs/queue:Queue" -> regional.formatted("sqs") + physical;
            case "aws:cloudfront/distribution:Distribution" -> "arn:aws:cloudfront::" + accountId + ":distribution/E" + Math.abs(physical.hashCode());
            default -> regional.formatted(service) + physical;
        };
    }

    private Map<String, Object> computed(String type, String physical, Map<String, Object> inputs) {
        Map<String, Object> out = new HashMap<>();
        switch (type) {
            case "aws:lb/loadBalancer:LoadBalancer" -> {
                out.put("dnsName", physical + "-1234567890." + region + ".elb.amazonaws.com");
                out.put("zoneId", "Z14GRHDCWA56QT");
                out.put("arnSuffix", "app/" + physical + "/0123456789abcdef");
            }
            case "aws:lb/targetGroup:TargetGroup" -> out.put("arnSuffix", "targetgroup/" + physical + "/0123456789abcdef");
            case "aws:ecr/repository:Repository" ->
                    out.put("repositoryUrl", accountId + ".dkr.ecr." + region + ".amazonaws.com/" + physical);
            case "aws:s3/bucketV2:BucketV2" -> {
                out.put("bucket", physical);
                out.put("bucketRegionalDomainName", physical + ".s3." + region + ".amazonaws.com");
                out.put("bucketDomainName", physical + ".s3.amazonaws.com");
            }
            case "aws:rds/cluster:Cluster" -> {
                out.put("endpoint", physical + ".cluster-abcdefghijkl." + region + ".rds.amazonaws.com");
                out.put("readerEndpoint", physical + ".cluster-ro-abcdefghijkl." + region + ".rds.amazonaws.com");
                out.put("port", 5432);
                out.put("masterUserSecrets", java.util.List.of(Map.of("secretArn",
                        "arn:aws:secretsmanager:" + region + ":" + accountId + ":secret:rds!cluster-" + physical,
                        "kmsKeyId", "", "secretStatus", "active")));
                out.put("clusterResourceId", "cluster-" + stableUuid(physical).substring(0, 26).toUpperCase());
            }
            case "aws:rds/clusterEndpoint:ClusterEndpoint" ->
                    out.put("endpoint", inputs.getOrDefault("clusterEndpointIdentifier", physical)
                            + ".cluster-custom-abcdefghijkl." + region + ".rds.amazonaws.com");
            case "aws:cloudfront/distribution:Distribution" -> {
                out.put("domainName", "d" + stableUuid(physical).substring(0, 12) + ".cloudfront.net");
                out.put("hostedZoneId", "Z2FDTNDATAQYW2");
            }
            case "aws:kms/key:Key" -> out.put("keyId", stableUuid(physical));
            case "aws:cloudwatch/eventConnection:EventConnection" -> out.put("secretArn", "arn:aws:secretsmanager:" + region
                    + ":" + accountId + ":secret:events!connection/" + physical + "/" + stableUuid(physical) + "-AbCdEf");
            case "aws:apigateway/restApi:RestApi" -> {
                out.put("rootResourceId", "root" + Math.abs(physical.hashCode() % 100000));
                out.put("executionArn", "arn:aws:execute-api:" + region + ":" + accountId + ":" + awsId(type, physical));
            }
            case "aws:ecs/taskDefinition:TaskDefinition" -> out.put("revision", 1);
            case "aws:ec2/vpc:Vpc", "aws:ec2/subnet:Subnet", "aws:ec2/securityGroup:SecurityGroup" -> { }
            default -> newRelicOutputs(type, physical, out);
        }
        return out;
    }

    private void newRelicOutputs(String type, String physical, Map<String, Object> out) {
        if (!type.startsWith("newrelic:")) {
            return;
        }
        out.put("guid", entityGuid(type + "|" + physical));
        out.put("entityGuid", entityGuid("CONDITION|" + physical));
        out.put("sliGuid", entityGuid("SLI|" + physical));
    }

    private static String entityGuid(String seed) {
        return Base64.getEncoder().withoutPadding().encodeToString(
                ("0000000|" + stableUuid(seed)).getBytes(StandardCharsets.UTF_8));
    }

    private static String stableUuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
