package jp.twozeroseven.infra.settings;

/** The two application stacks 207 runs on Fargate. */
public enum ServiceKind { RAILS_API, NEXTJS_WEB }
