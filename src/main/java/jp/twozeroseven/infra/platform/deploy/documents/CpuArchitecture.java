package jp.twozeroseven.infra.platform.deploy.documents;

/** Fargate CPU architecture; the image must be built for it. */
public enum CpuArchitecture {
    X86_64,
    ARM64
}
