/**
 * The runtime both Merge API clients share. {@code dev.mergesdk.core} is the API users touch; {@code
 * dev.mergesdk.core.internal} is exported only to the clients and the testkit, and is not API.
 */
module dev.mergesdk.core {
  requires transitive com.google.gson;
  requires transitive okhttp3;
  requires transitive okio;
  requires transitive retrofit2;
  requires static com.google.errorprone.annotations;
  requires static org.jspecify;

  exports dev.mergesdk.core;
  exports dev.mergesdk.core.internal to dev.mergesdk.filestorage, dev.mergesdk.agenthandler, dev.mergesdk.testkit;
}
