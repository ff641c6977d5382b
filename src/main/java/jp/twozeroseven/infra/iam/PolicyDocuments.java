package jp.twozeroseven.infra.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The policy shapes 207 uses again and again, with their guard conditions built in. */
public final class PolicyDocuments {

    public static final String GITHUB_OIDC_HOST = "token.actions.githubusercontent.com";
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern GITHUB_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern GITHUB_SUBJECT = Pattern.compile("repo:[A-Za-z0-9_.-]+/[A-Za-z0-9_.*-]+:.+");

    private PolicyDocuments() {
    }

    /**
     * Trust policy that lets an AWS service (e.g. {@code ecs-tasks.amazonaws.com}) assume the role, but only on
     * behalf of our own account: {@code aws:SourceAccount} closes the confused-deputy hole.
     */
    public static PolicyDocument serviceTrust(String servicePrincipal, String sourceAccountId) {
        if (servicePrincipal == null || !servicePrincipal.endsWith(".amazonaws.com")) {
            throw new IllegalArgumentException("service principal '" + servicePrincipal
                    + "' is not an AWS service principal; use e.g. ecs-tasks.amazonaws.com");
        }
        requireAccountId(sourceAccountId);
        return PolicyDocument.of(new Statement("AllowServiceAssumeRole", Effect.ALLOW,
                List.of("sts:AssumeRole"), List.of(), List.of(Principal.service(servicePrincipal)),
                List.of(Condition.of("StringEquals", "aws:SourceAccount", sourceAccountId))));
    }

    /**
     * Trust policy for GitHub Actions through the account's OIDC provider. {@code aud} must be STS and {@code sub}
     * must match one of the given subjects (see {@link #githubBranchSubject} and {@link #githubEnvironmentSubject}),
     * so a fork or another repository can never assume the role.
     */
    public static PolicyDocument githubOidcTrust(String oidcProviderArn, List<String> allowedSubjects) {
        if (oidcProviderArn == null || !oidcProviderArn.matches("arn:aws:iam::\\d{12}:oidc-provider/" + Pattern.quote(GITHUB_OIDC_HOST))) {
            throw new IllegalArgumentException("GitHub OIDC provider ARN '" + oidcProviderArn
                    + "' must look like arn:aws:iam::<account>:oidc-provider/" + GITHUB_OIDC_HOST);
        }
        if (allowedSubjects == null || allowedSubjects.isEmpty()) {
            throw new IllegalArgumentException("GitHub OIDC trust needs at least one allowed subject, "
                    + "e.g. repo:207inc/infra:ref:refs/heads/main");
        }
        List<String> subjects = new ArrayList<>();
        for (String subject : allowedSubjects) {
            if (subject == null || !GITHUB_SUBJECT.matcher(subject).matches() || subject.startsWith("repo:*")) {
                throw new IllegalArgumentException("GitHub OIDC subject '" + subject
                        + "' must name one organisation and repository, e.g. repo:207inc/infra:environment:prod");
            }
            subjects.add(subject);
        }
        boolean usesWildcard = subjects.stream().anyMatch(s -> s.contains("*"));
        Condition subjectCondition = new Condition(usesWildcard ? "StringLike" : "StringEquals",
                GITHUB_OIDC_HOST + ":sub", subjects);
        return PolicyDocument.of(new Statement("AllowGitHubActions", Effect.ALLOW,
                List.of("sts:AssumeRoleWithWebIdentity"), List.of(), List.of(Principal.federated(oidcProviderArn)),
                List.of(Condition.of("StringEquals", GITHUB_OIDC_HOST + ":aud", "sts.amazonaws.com"), subjectCondition)));
    }

    /** {@code repo:ORG/NAME:ref:refs/heads/BRANCH}: the token subject of a workflow run on a branch. */
    public static String githubBranchSubject(String organisation, String repository, String branch) {
        requireGithubName("organisation", organisation);
        requireGithubName("repository", repository);
        if (branch == null || branch.isBlank() || branch.contains("*")) {
            throw new IllegalArgumentException("GitHub branch '" + branch + "' must be one exact branch name, e.g. main");
        }
        return "repo:" + organisation + "/" + repository + ":ref:refs/heads/" + branch;
    }

    /** {@code repo:ORG/NAME:environment:ENV}: the token subject of a job bound to a GitHub environment. */
    public static String githubEnvironmentSubject(String organisation, String repository, String environment) {
        requireGithubName("organisation", organisation);
        requireGithubName("repository", repository);
        requireGithubName("environment", environment);
        return "repo:" + organisation + "/" + repository + ":environment:" + environment;
    }

    /** Bucket policy that refuses every request not made over TLS, for the bucket and all its objects. */
    public static PolicyDocument tlsOnlyBucketPolicy(String bucketArn) {
        if (bucketArn == null || !bucketArn.matches("arn:aws:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("bucket ARN '" + bucketArn + "' must look like arn:aws:s3:::my-bucket (no object path)");
        }
        return PolicyDocument.of(new Statement("DenyInsecureTransport", Effect.DENY, List.of("s3:*"),
                List.of(bucketArn, bucketArn + "/*"), List.of(Principal.anyone()),
                List.of(Condition.of("Bool", "aws:SecureTransport", "false"))));
    }

    private static void requireAccountId(String accountId) {
        if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
            throw new IllegalArgumentException("AWS account id '" + accountId + "' must be exactly 12 digits");
        }
    }

    private static void requireGithubName(String what, String value) {
        if (value == null || !GITHUB_NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("GitHub " + what + " '" + value
                    + "' may contain only letters, digits, '-', '_' and '.'");
        }
    }
}
