/**
 * The stack composition: the one place that reads {@code StackSettings} and turns them into the props the components
 * take. A component never sees settings, and no component depends on this package: one file per area maps them
 * ({@code PlatformPropsFrom}, which implements the app platform's {@code AppPlatformProps}, and one each for the
 * services, the data pipeline and observability); only the stack program ({@code InfraStack}) uses them.
 */
package jp.twozeroseven.infra.composition;
