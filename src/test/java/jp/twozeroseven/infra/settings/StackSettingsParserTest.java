package jp.twozeroseven.infra.settings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static jp.twozeroseven.infra.settings.StackFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackSettingsParserTest {

    @TempDir
    Path temp;

    @Test
    void bothCommittedStacksAreValid() {
        StackSettings prod = StackSettingsParser.parse(StackFixture.read("prod"));
        StackSettings stg = StackSettingsParser.parse(StackFixture.read("stg"));
        assertThat(prod.tier()).isEqualTo(Tier.PRODUCTION);
        assertThat(prod.network().natGateways()).isEqualTo(NatGatewayMode.ONE_PER_AZ);
        assertThat(stg.network().natGateways()).isEqualTo(NatGatewayMode.SINGLE);
        assertThat(prod.services()).extracting(ServiceSettings::name).startsWith("api", "web");
        assertThat(prod.namePrefix()).isEqualTo("platform-207-prod");
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("missing key", c -> c.remove("platform-207:region"), "platform-207:region", "required"),
                bad("unknown top-level key", c -> c.set("platform-207:regoin", c.get("platform-207:region")),
                        "platform-207:regoin", "did you mean platform-207:region"),
                bad("unknown nested key", c -> service(c, "api").put("cpuu", 512),
                        "services.api.cpuu", "did you mean platform-207:services.api.cpu"),
                bad("foreign namespace", c -> c.put("aws:region", "ap-northeast-1"), "aws:region",
                        "reads only keys in the platform-207 namespace"),
                bad("wrong type: number as text", c -> service(c, "api").put("cpu", "512"),
                        "services.api.cpu", "expected a whole number"),
                bad("wrong type: object expected", c -> c.put("platform-207:network", "10.0.0.0/16"),
                        "platform-207:network", "expected an object"),
                bad("out of range", c -> service(c, "api").put("containerPort", 80),
                        "services.api.containerPort", "out of range"),
                bad("log retention CloudWatch does not offer", c -> c.put("platform-207:logRetentionDays", "45"),
                        "logRetentionDays", "CloudWatch accepts only"),
                bad("bad CIDR prefix", c -> at(c, "network").put("vpcCidr", "10.20.0.0/33"),
                        "network.vpcCidr", "not a valid CIDR"),
                bad("CIDR with host bits", c -> at(c, "network").put("vpcCidr", "10.20.0.1/16"),
                        "network.vpcCidr", "not a valid CIDR"),
                bad("subnet outside the VPC", c -> ((ArrayNode) at(c, "network").get("privateSubnetCidrs"))
                        .set(0, "10.99.0.0/20"), "privateSubnetCidrs[0]", "not inside the VPC"),
                bad("overlapping subnets", c -> ((ArrayNode) at(c, "network").get("publicSubnetCidrs"))
                        .set(1, "10.20.0.0/24"), "network", "overlaps subnet"),
                bad("subnet count differs from zones", c -> ((ArrayNode) at(c, "network").get("publicSubnetCidrs"))
                        .remove(2), "network.publicSubnetCidrs", "one CIDR per availability zone"),
                bad("zone of another region", c -> ((ArrayNode) at(c, "network").get("availabilityZones"))
                        .set(0, "us-east-1a"), "availabilityZones[0]", "expected a zone of ap-northeast-1"),
                bad("duplicate zone", c -> ((ArrayNode) at(c, "network").get("availabilityZones"))
                        .set(1, "ap-northeast-1a"), "availabilityZones", "duplicate availability zone"),
                bad("bad time", c -> window(c, "api", 0).put("start", "25:00"),
                        "windows[0].start", "a Tokyo time HH:MM"),
                bad("overlapping windows", c -> window(c, "api", 0).put("end", "11:00"),
                        "scaling.windows", "overlaps window daytime-read"),
                bad("gap between windows", c -> window(c, "api", 0).put("end", "09:00"),
                        "scaling.windows", "leaves a gap before window daytime-read"),
                bad("min greater than max", c -> window(c, "api", 1).put("min", 5),
                        "windows[1].min", "min is greater than max"),
                bad("duplicate window names", c -> window(c, "api", 1).put("name", "early-morning-write-peak"),
                        "scaling.windows", "duplicate window name"),
                bad("Fargate size that does not exist", c -> service(c, "api").put("memory", 8192),
                        "services.api.memory", "Fargate does not offer"),
                bad("unknown enum value", c -> service(c, "web").put("kind", "django"),
                        "services.web.kind", "expected one of"),
                bad("duplicate routing priority", c -> ((ObjectNode) service(c, "web").get("routing"))
                        .put("priority", 10), "services.web.routing.priority", "must be unique"),
                bad("secret in plain environment", c -> ((ObjectNode) service(c, "api").get("environment"))
                        .put("DATABASE_PASSWORD", "hunter2"), "environment.DATABASE_PASSWORD", "looks like a secret"),
                bad("certificate in another region", c -> at(c, "loadBalancer").put("certificateArn",
                        "arn:aws:acm:us-east-1:210987654321:certificate/6f0c2f4e-1b7a-4c61-9d1e-3a5b7c9d2e10"),
                        "loadBalancer.certificateArn", "needs a certificate in ap-northeast-1"),
                bad("account id", c -> c.put("platform-207:accountId", "12345"), "accountId", "12-digit"),
                // The listed versions are cited to the Aurora PostgreSQL release calendar (aurora-postgresql-versions.yaml).
                bad("Aurora version not listed as offered", c -> at(c, "database").put("engineVersion", "16.99"),
                        "database.engineVersion", "not an Aurora PostgreSQL version this program lists as offered"),
                bad("reserved user name", c -> at(c, "database").put("masterUsername", "postgres"),
                        "database.masterUsername", "reserved"),
                bad("bad maintenance window", c -> at(c, "database").put("maintenanceWindow", "sunday 3am"),
                        "database.maintenanceWindow", "ddd:hh:mm-ddd:hh:mm"),
                bad("deploy repository of an unknown service", c -> ((ObjectNode) at(c, "deploy")
                        .get("githubRepositories")).put("mobile", "two-zero-seven/app"),
                        "githubRepositories.mobile", "unknown service"),
                bad("codedeploy mode without a repository", c -> ((ObjectNode) at(c, "deploy")
                        .get("githubRepositories")).remove("web"), "deploy.githubRepositories",
                        "needs the GitHub repository of every service"),
                bad("no services", c -> c.set("platform-207:services", c.objectNode()),
                        "platform-207:services", "at least one service"),
                bad("cpu Fargate does not offer", c -> service(c, "api").put("cpu", 300),
                        "services.api.cpu", "Fargate offers 256, 512, 1024, 2048 or 4096"),
                bad("service name too long for a target group", c -> {
                    ObjectNode services = at(c, "services");
                    services.set("admin-console-web", services.get("web"));
                    services.remove("web");
                    ((ObjectNode) at(c, "deploy").get("githubRepositories")).put("admin-console-web", "o/r");
                    ((ObjectNode) at(c, "deploy").get("githubRepositories")).remove("web");
                }, "services.admin-console-web", "target group name"),
                bad("an OIDC provider choice that does not exist", c -> at(c, "deploy").put("githubOidcProvider", "maybe"),
                        "deploy.githubOidcProvider", "expected one of"),
                bad("backup window overlapping maintenance", c -> at(c, "database").put("backupWindow", "18:00-19:00"),
                        "database.backupWindow", "overlaps the maintenance window"),
                bad("backup window shorter than 30 minutes", c -> at(c, "database").put("backupWindow", "17:00-17:15"),
                        "database.backupWindow", "at least 30 minutes"),
                bad("weak TLS policy", c -> at(c, "loadBalancer").put("sslPolicy", "ELBSecurityPolicy-2016-08"),
                        "loadBalancer.sslPolicy", "TLS 1.2 or later"),
                bad("CDN without a certificate", c -> at(c, "cdn").remove("certificateArn"),
                        "cdn.certificateArn", "required"),
                bad("CDN certificate outside us-east-1", c -> at(c, "cdn").put("certificateArn",
                        "arn:aws:acm:ap-northeast-1:210987654321:certificate/9d4b7e2a-3c61-4f08-b5a9-1e7c2d8f6a34"),
                        "cdn.certificateArn", "us-east-1"),
                bad("ALB paths without an origin host", c -> at(c, "cdn").remove("albOriginDomain"),
                        "cdn.albOriginDomain", "need the ALB host name"),
                bad("ALB origin host no service routes", c -> at(c, "cdn").put("albOriginDomain", "www.example.jp"),
                        "cdn.albOriginDomain", "no service routes this host"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void rejectsBadInputWithKeyValueAndFix(String label, Consumer<ObjectNode> edit, String key, String message) {
        RawConfig raw = StackFixture.edited("stg", temp, edit);
        assertThatThrownBy(() -> StackSettingsParser.parse(raw))
                .isInstanceOf(SettingsException.class)
                .satisfies(e -> assertThat(((SettingsException) e).problems())
                        .anySatisfy(p -> {
                            assertThat(p.key()).contains(key);
                            assertThat(p.message()).contains(message);
                        }));
    }

    @Test
    void reportsEveryProblemInOneRun() {
        RawConfig raw = StackFixture.edited("stg", temp, c -> {
            c.remove("platform-207:owner");
            c.put("platform-207:accountId", "x");
            service(c, "api").put("cpu", 3);
        });
        assertThatThrownBy(() -> StackSettingsParser.parse(raw))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("platform-207:owner")
                .hasMessageContaining("platform-207:accountId = \"x\"")
                .hasMessageContaining("platform-207:services.api.cpu = \"3\"");
    }

    @Test
    void pipelineModeNeedsTheGithubRepositoryOfEveryServiceForItsReleaseRole() {
        RawConfig raw = StackFixture.edited("prod", temp, c -> ((ObjectNode) at(c, "deploy"))
                .set("githubRepositories", c.objectNode().put("api", "two-zero-seven/delivery-api")));
        assertThatThrownBy(() -> StackSettingsParser.parse(raw))
                .hasMessageContaining("platform-207:deploy.githubRepositories = \"{api=two-zero-seven/delivery-api}\"")
                .hasMessageContaining("pipeline mode needs the GitHub repository (org/repository) of every service "
                        + "[api, web], whose CI pushes the release images through the service's release role");
        RawConfig missing = StackFixture.edited("prod", temp, c -> ((ObjectNode) at(c, "deploy")).remove("githubRepositories"));
        assertThatThrownBy(() -> StackSettingsParser.parse(missing)).hasMessageContaining("pipeline mode needs");
    }

    @Test
    void productionRejectsAllAtOnceDeploys() {
        RawConfig raw = StackFixture.edited("prod", temp,
                c -> at(c, "deploy").put("deploymentConfig", "CodeDeployDefault.ECSAllAtOnce"));
        assertThatThrownBy(() -> StackSettingsParser.parse(raw)).hasMessageContaining("Canary or Linear");
    }

    @Test
    void anEncryptedValueOnAPlainKeyIsRejectedWithoutShowingIt() {
        RawConfig raw = StackFixture.edited("stg", temp, c -> c.set("platform-207:owner",
                c.objectNode().put("secure", "v1:abc")));
        assertThatThrownBy(() -> StackSettingsParser.parse(raw))
                .hasMessageContaining("platform-207:owner = \"[secret]\"")
                .hasMessageNotContaining("v1:abc");
    }

    @Test
    void aSecretWrittenInPlainTextIsRejectedWithoutEchoingIt() {
        RawConfig raw = StackFixture.edited("stg", temp,
                c -> c.put("platform-207:slackWebhookUrl", "https://hooks.slack.com/services/T0/B0/xyz"));
        assertThatThrownBy(() -> StackSettingsParser.parse(raw))
                .hasMessageContaining("platform-207:slackWebhookUrl")
                .hasMessageContaining("pulumi config set --secret platform-207:slackWebhookUrl")
                .hasMessageNotContaining("hooks.slack.com");
    }

    @Test
    void underTheCliARequiredSecretMustBeSetButOfflineItIsAPlaceholder() {
        RawConfig offline = StackFixture.read("stg");
        assertThat(StackSettingsParser.parse(offline).secrets().get(SecretKey.SLACK_WEBHOOK_URL))
                .hasValueSatisfying(v -> assertThat(v.isOfflinePlaceholder()).isTrue());
        assertThat(StackSettingsParser.parse(offline).secrets().get(SecretKey.NEW_RELIC_INGEST_KEY))
                .hasValueSatisfying(v -> assertThat(v.isOfflinePlaceholder()).isTrue());
        RawConfig underCli = new RawConfig(offline.project(), offline.stack(), offline.values(), offline.secretKeys(),
                offline.source(), false, offline.projectDir());
        assertThatThrownBy(() -> StackSettingsParser.parse(underCli))
                .hasMessageContaining("platform-207:slackWebhookUrl = (missing): required")
                .hasMessageContaining("platform-207:newRelicIngestKey = (missing): required");
        var withSecret = new java.util.HashMap<>(offline.values());
        withSecret.put("platform-207:slackWebhookUrl", "https://hooks.slack.com/services/T0/B0/xyz");
        RawConfig onlySlack = new RawConfig(offline.project(), offline.stack(), withSecret,
                java.util.Set.of("platform-207:slackWebhookUrl"), offline.source(), false, offline.projectDir());
        assertThatThrownBy(() -> StackSettingsParser.parse(onlySlack))
                .hasMessageContaining("pulumi config set --secret platform-207:newRelicIngestKey")
                .hasMessageNotContaining("slackWebhookUrl");
        withSecret.put("platform-207:newRelicIngestKey", "NRAL-not-a-real-key");
        // deploy markers (on by default) post to NerdGraph with the user key
        withSecret.put("platform-207:newRelicApiKey", "NRAK-not-a-real-key");
        RawConfig withoutOriginSecret = new RawConfig(offline.project(), offline.stack(), withSecret,
                java.util.Set.of("platform-207:slackWebhookUrl", "platform-207:newRelicIngestKey",
                        "platform-207:newRelicApiKey"), offline.source(), false, offline.projectDir());
        assertThatThrownBy(() -> StackSettingsParser.parse(withoutOriginSecret)).hasMessageContaining(
                "platform-207:cdnOriginSecret = (missing): required while cdn.albOriginDomain is set")
                .hasMessageContaining("pulumi config set --secret platform-207:cdnOriginSecret \"$(openssl rand -hex 32)\"");
        withSecret.put("platform-207:cdnOriginSecret", "0123456789abcdef0123456789abcdef");
        RawConfig set = new RawConfig(offline.project(), offline.stack(), withSecret,
                java.util.Set.of("platform-207:slackWebhookUrl", "platform-207:newRelicIngestKey",
                        "platform-207:newRelicApiKey", "platform-207:cdnOriginSecret"), offline.source(), false,
                offline.projectDir());
        assertThat(StackSettingsParser.parse(set).secrets().get(SecretKey.SLACK_WEBHOOK_URL).orElseThrow().toString())
                .isEqualTo("[secret]");
        assertThat(StackSettingsParser.parse(set).secrets().get(SecretKey.NEW_RELIC_INGEST_KEY).orElseThrow().reveal())
                .isEqualTo("NRAL-not-a-real-key");
    }

    private static ObjectNode service(ObjectNode config, String name) {
        return (ObjectNode) at(config, "services").get(name);
    }

    private static ObjectNode window(ObjectNode config, String service, int index) {
        return (ObjectNode) service(config, service).get("scaling").get("windows").get(index);
    }

    private static Arguments bad(String label, Consumer<ObjectNode> edit, String key, String message) {
        return Arguments.of(label, edit, key, message);
    }
}
