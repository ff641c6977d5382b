/**
 * The stack composition: the one place that reads {@code StackSettings} and turns them into the props records the
 * components take. A component never sees settings; one file per area maps them ({@code PlatformPropsFrom} for the
 * platform's shared components, and one each for the services, the data pipeline and observability).
 */
package jp.twozeroseven.infra.composition;
