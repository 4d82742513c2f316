/** The Merge File Storage client: its entry class and operation groups, and the models. */
module dev.mergesdk.filestorage {
  requires transitive dev.mergesdk.core;
  requires static org.jspecify;
  requires static com.google.errorprone.annotations;

  exports dev.mergesdk.filestorage;
  exports dev.mergesdk.filestorage.model;
  // Retrofit reads the operation groups' service interfaces; Gson and the runtime (unknown fields, expandable
  // references) read and write the models' fields.
  opens dev.mergesdk.filestorage to retrofit2;
  opens dev.mergesdk.filestorage.model to com.google.gson, dev.mergesdk.core;
}
