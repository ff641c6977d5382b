import { PolicyResource } from "@pulumi/policy";
import { safeGet } from "./props";
import { isUnknown } from "./preview";

// S3 bucket settings, security-group rules and similar live in companion resources that name their
// parent by an input (`bucket`, `securityGroupId`). In a real preview that input is usually unknown
// (it is the parent's id), so the engine's propertyDependencies are the reliable link; a literal
// match of the input against the parent's name covers resources declared with explicit names.

export function isLinkedTo(companion: PolicyResource, inputName: string, target: PolicyResource, targetNameInputs: string[]): boolean {
    const viaDependencies = (companion.propertyDependencies[inputName] ?? []).some(d => d?.urn === target.urn);
    if (viaDependencies) {
        return true;
    }
    const value = safeGet(companion.props, inputName);
    if (typeof value !== "string" || value === "" || isUnknown(value)) {
        return false;
    }
    return targetNameInputs.some(key => safeGet(target.props, key) === value);
}

export function companionsOf(resources: PolicyResource[], companionType: string, inputName: string,
                             target: PolicyResource, targetNameInputs: string[]): PolicyResource[] {
    return resources.filter(r => r.type === companionType && isLinkedTo(r, inputName, target, targetNameInputs));
}

export function label(resource: { type: string; name: string }): string {
    return `${resource.type} '${resource.name}'`;
}
