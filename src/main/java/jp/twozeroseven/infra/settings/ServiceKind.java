package jp.twozeroseven.infra.settings;

/**
 * The two application stacks 207 runs on Fargate. A kind is only a preset of the service component's props (its
 * writable paths and the runtime of its health probe, composition/ServicePropsFrom); no component switches on it.
 */
public enum ServiceKind { RAILS_API, NEXTJS_WEB }
