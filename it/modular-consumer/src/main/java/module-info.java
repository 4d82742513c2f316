/** An application on the module path that uses both clients, as a modular user's would. */
module dev.mergesdk.it.modular {
  requires dev.mergesdk.filestorage;
  requires dev.mergesdk.agenthandler;
  requires jdk.httpserver;
}
