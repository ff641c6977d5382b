import { parseJsonInput } from "./props";

export const TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";

export interface ContainerDefinition {
    name?: string;
    image?: string;
    environment?: { name?: string; value?: string }[];
    logConfiguration?: { logDriver?: string; options?: Record<string, string> };
    readonlyRootFilesystem?: boolean;
    privileged?: boolean;
    dockerLabels?: Record<string, string>;
}

/** `containerDefinitions` reaches policies as the JSON string the provider takes. */
export function containersOf(props: Record<string, any>): ContainerDefinition[] {
    const parsed = parseJsonInput(props.containerDefinitions);
    return Array.isArray(parsed) ? parsed : [];
}
