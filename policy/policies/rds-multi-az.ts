import { StackValidationPolicy } from "@pulumi/policy";
import { label } from "../lib/links";
import { isUnknown, raw, Undecided } from "../lib/preview";
import { asArray } from "../lib/props";

// FSBP RDS.15 "RDS DB clusters should be configured for multiple Availability Zones": an Aurora cluster needs
// instances (a writer and a reader) in at least two zones to fail over.
// https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-15
export const rdsMultiAz: StackValidationPolicy = {
    name: "rds-multi-az",
    description: "[RDS.15] Every Aurora cluster has instances in at least two Availability Zones (or lists two zones in availabilityZones).",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const undecided = new Undecided();
        for (const cluster of args.resources.filter(r => r.type === "aws:rds/cluster:Cluster")) {
            const instances = args.resources.filter(r => r.type === "aws:rds/clusterInstance:ClusterInstance"
                && (r.propertyDependencies?.clusterIdentifier ?? []).some(d => d.urn === cluster.urn));
            const zones = instances.map(i => raw(i.props)?.availabilityZone);
            const declared = asArray<string>(raw(cluster.props)?.availabilityZones);
            const known = new Set([...zones, ...declared].filter(z => typeof z === "string" && !isUnknown(z)));
            if (known.size >= 2 || (instances.length >= 2 && zones.every(z => z === undefined))) {
                continue; // unset zones: RDS spreads the instances of a cluster over the subnet group's zones
            }
            if (zones.some(isUnknown)) {
                undecided.add(`zones of ${label(cluster)}`);
                continue;
            }
            reportViolation(`${label(cluster)} has ${instances.length} instance(s) in ${known.size} Availability Zone(s). Fix: add a ` +
                `reader aws.rds.ClusterInstance in another zone (availabilityZone) so the cluster can fail over.`, cluster.urn);
        }
        undecided.finish();
    },
};
