package jp.twozeroseven.infra.settings;

/** PIPELINE: an ECR push starts CodePipeline (today). CODEDEPLOY: the app's CI calls CodeDeploy (planned). */
public enum DeployMode { PIPELINE, CODEDEPLOY }
