package jp.twozeroseven.infra.settings;

/** Fargate runtime platform; ARM64 (Graviton) is about 20% cheaper per vCPU-hour. */
public enum CpuArchitecture { X86_64, ARM64 }
