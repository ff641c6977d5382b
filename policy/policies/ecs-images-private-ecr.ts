import { ResourceValidationPolicy } from "@pulumi/policy";
import { containersOf, TASK_DEFINITION } from "../lib/ecs";

// Docker Hub allows unauthenticated clients 10 pulls per hour per IPv4 address
// (https://docs.docker.com/docker-hub/usage/), and Fargate tasks in private subnets pull through the stack's NAT
// addresses: a scale-out or a blue/green deploy would fail on 429s. A name without a registry host is Docker Hub.
// The stack copies third-party images into its own ECR mirrors (images/sidecars/versions.properties).
const PRIVATE_ECR = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/[a-z0-9._\/-]+(:[A-Za-z0-9_.-]+|@sha256:[0-9a-f]{64})$/;

export const ecsImagesPrivateEcr: ResourceValidationPolicy = {
    name: "ecs-images-private-ecr",
    description: "ECS container images come from a private ECR registry by tag or digest, never Docker Hub (a name without a registry host, docker.io) or another public registry.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== TASK_DEFINITION) {
            return;
        }
        for (const container of containersOf(args.props)) {
            const image = container.image;
            if (typeof image !== "string" || !PRIVATE_ECR.test(image)) {
                reportViolation(`Container '${container.name}' pulls '${image}', not an image in a private ECR registry. ` +
                    `Fix: copy the image into the stack's own ECR repository (images/sidecars/mirror.sh for the sidecars) ` +
                    `and name it <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag> or @sha256:<digest>.`);
            }
        }
    },
};
