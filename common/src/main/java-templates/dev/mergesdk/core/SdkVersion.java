package dev.mergesdk.core;

/**
 * The SDK's version, written into the source at build time ({@code common/pom.xml} filters this template): a
 * constant costs nothing on an application's first call, where reading a properties file from the jar loaded the
 * JDK's jar-URL machinery and took about 10 ms.
 */
final class SdkVersion {
  static final String VALUE = "${project.version}";

  private SdkVersion() {
  }
}
