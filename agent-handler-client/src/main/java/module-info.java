/** The Merge Agent Handler client: its entry class and operation groups, and the models. */
module dev.mergesdk.agenthandler {
  requires transitive dev.mergesdk.core;
  requires static org.jspecify;
  requires static com.google.errorprone.annotations;

  exports dev.mergesdk.agenthandler;
  exports dev.mergesdk.agenthandler.model;
  // Retrofit reads the operation groups' service interfaces; Gson and the runtime (unknown fields, expandable
  // references) read and write the models' fields.
  opens dev.mergesdk.agenthandler to retrofit2;
  opens dev.mergesdk.agenthandler.model to com.google.gson, dev.mergesdk.core;
}
