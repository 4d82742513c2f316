/**
 * Not API: public only for the generated clients, their hand-written entry classes and the testkit (the module
 * exports it to them alone), and may change in any release. {@code ClientRuntime} is the HTTP stack an entry
 * class holds; {@code ApiDescriptor} its regions; {@code PathSegment}, {@code CommaSeparated} and {@code
 * ParameterRange} encode and check parameters in generated operations; {@code Json} and {@code UnknownFields} are
 * the Gson configuration and the unknown-field slot of models; {@code Page} and its kinds are implemented by the
 * generated list models; {@code Paginator} and {@code CycleDetector} are the one paging loop; {@code Unrepeatable}
 * marks operations the spec says must not be sent twice; {@code Checks} and {@code Snippets} are argument checks
 * and message excerpts.
 */
package dev.mergesdk.core.internal;
