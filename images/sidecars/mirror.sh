#!/usr/bin/env bash
# Copies the pinned sidecar images (images/sidecars/versions.properties) into a stack's own ECR mirrors, every
# platform of the publisher's index, so that no task start pulls from Docker Hub or another publisher
# (docs/deploy-documents.md, "Sidecar images").
#
#   images/sidecars/mirror.sh <stack> [--only-existing]
#
# Needs: target/infra.jar (./mvnw -B -q package -DskipTests; INFRA_CLASSPATH overrides it), AWS credentials for
# the stack's account with AWS_REGION set, the aws CLI, skopeo and jq. --only-existing skips mirrors the first
# `pulumi up` has not created yet. Docker Hub is pulled anonymously unless DOCKERHUB_USERNAME and DOCKERHUB_TOKEN are set: one pull per image
# and version, far below its limit. Idempotent: a version already in the mirror is checked, never copied again
# (the mirrors' tags are immutable).
set -euo pipefail

stack="${1:?usage: mirror.sh <stack> [--only-existing]}"
only_existing="${2:-}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
project="$(sed -n 's/^name: *//p' "$root/Pulumi.yaml")"
: "${AWS_REGION:?set AWS_REGION to the region of the stack}"

account="$(aws sts get-caller-identity --query Account --output text)"
registry="${account}.dkr.ecr.${AWS_REGION}.amazonaws.com"
# An ECR token "can be used to access any Amazon ECR registry that your IAM principal has access to" (ECR API
# Reference, GetAuthorizationToken): the publisher's registry too, whose repository policy lets anyone pull.
token="$(aws ecr get-login-password)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=0
# What to copy, from versions.properties through the program (SidecarImages.main); set -e stops on a broken file.
plan="$(java -cp "${INFRA_CLASSPATH:-$root/target/infra.jar}" jp.twozeroseven.infra.platform.registry.SidecarImages \
  "$project-$stack" "$root/images/sidecars/versions.properties")"
while read -r name source version digest platforms repository <&3; do
  if ! aws ecr describe-repositories --repository-names "$repository" >/dev/null 2>&1; then
    if [ "$only_existing" = "--only-existing" ]; then
      echo "$repository does not exist yet; the first pulumi up creates it"
      continue
    fi
    echo "::error::$repository does not exist; run pulumi up for $stack first"
    failed=1
    continue
  fi
  src_creds=()
  case "$source" in
    *.dkr.ecr.*.amazonaws.com/*) src_creds=(--src-creds "AWS:$token") ;;
    docker.io/*) if [ -n "${DOCKERHUB_USERNAME:-}" ]; then src_creds=(--src-creds "$DOCKERHUB_USERNAME:$DOCKERHUB_TOKEN"); fi ;;
  esac
  if [ "$digest" = "UNPINNED" ]; then src="docker://$source:$version"; else src="docker://$source@$digest"; fi

  # The index must hold every platform a service may run on (x86_64 and arm64 Fargate tasks).
  # The digest is the SHA-256 of the manifest bytes exactly as served (a file keeps a trailing newline).
  skopeo inspect --raw "${src_creds[@]}" "$src" >"$work/index.json"
  actual="sha256:$(sha256sum "$work/index.json" | cut -d' ' -f1)"
  held="$(jq -r '[.manifests[]? | .platform | "\(.os)/\(.architecture)"] | join(",")' "$work/index.json")"
  for platform in ${platforms//,/ }; do
    if [[ ",$held," != *",$platform,"* ]]; then
      echo "::error file=images/sidecars/versions.properties::$name: $source:$version holds [$held], not $platform"
      failed=1
      continue 2
    fi
  done
  if [ "$digest" != "UNPINNED" ] && [ "$digest" != "$actual" ]; then
    echo "::error file=images/sidecars/versions.properties::$name: $src has digest $actual, not the pinned $digest"
    failed=1
    continue
  fi

  mirrored="$(aws ecr describe-images --repository-name "$repository" --image-ids imageTag="$version" \
    --query 'imageDetails[0].imageDigest' --output text 2>/dev/null || true)"
  if [ -z "$mirrored" ] || [ "$mirrored" = "None" ]; then
    skopeo copy --all --preserve-digests "${src_creds[@]}" --dest-creds "AWS:$token" \
      "$src" "docker://$registry/$repository:$version"
    mirrored="$(aws ecr describe-images --repository-name "$repository" --image-ids imageTag="$version" \
      --query 'imageDetails[0].imageDigest' --output text)"
    echo "copied $src to $registry/$repository:$version ($mirrored)"
  fi
  if [ "$mirrored" != "$actual" ] && [ "$digest" != "UNPINNED" ]; then
    echo "::error::$name: $repository:$version holds $mirrored, not the pinned $digest; a mirrored tag never moves, so pin the mirrored digest or bump $name.version"
    failed=1
  elif [ "$digest" = "UNPINNED" ]; then
    echo "::warning file=images/sidecars/versions.properties::$name is not pinned: $repository:$version holds $mirrored (the publisher's tag now: $actual); write $name.digest=$mirrored once it matches the publisher's"
  else
    echo "$repository:$version is $mirrored, as pinned"
  fi
done 3<<<"$plan"
exit "$failed"
