package dev.mergesdk.examples;

import dev.mergesdk.testkit.MergeMock;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import okio.Buffer;

/**
 * In-process stand-ins for both APIs, from the testkit: every request the quick start sends is checked against
 * the specs, and the answers below are scripted so the walk-through tells a story. Nothing leaves this machine.
 */
final class OfflineApis implements AutoCloseable {
  static final String TOOL_PACK_ID = "8b5f6c1e-2f43-4b0e-9d51-3a7c2e9f0b11";
  static final int FILES = 230;
  static final int FILE_PAGES = 5;
  static final int DOWNLOAD_BYTES = 3 * 1024 * 1024;

  final MergeMock agentHandler = MergeMock.agentHandler().start();
  final MergeMock fileStorage = MergeMock.fileStorage().start();

  OfflineApis() {
    scriptAgentHandler();
    scriptFileStorage();
  }

  private void scriptAgentHandler() {
    agentHandler.stub("registeredUsers_create").respondJson(201, "{\"id\":\"5d0c9a5e-1f1b-4c59-9a0e-6f2c2b7e8a01\","
        + "\"origin_user_id\":\"user-4821\",\"origin_user_name\":\"Ada Lovelace\",\"shared_credential_group\":null,"
        + "\"user_type\":\"HUMAN\",\"authenticated_connectors\":[\"slack\"],\"is_test\":true}");
    agentHandler.stub("registeredUsers_createLinkToken").respondJson(201, "{\"link_token\":\"lt_demo_7Hq2\","
        + "\"magic_link_url\":\"https://ah.merge.dev/magic-link/demo-7Hq2\"}");
    agentHandler.stub("toolPacks_list").respondJson(200, "{\"count\":2,\"next\":null,\"previous\":null,\"results\":["
        + "{\"id\":\"" + TOOL_PACK_ID + "\",\"name\":\"Support agent\",\"description\":\"Tickets and chat\",\"connectors\":["
        + connector("linear", "Linear", "linear__create_issue") + "," + connector("slack", "Slack", "slack__post_message")
        + "]},{\"id\":\"0f3e2d1c-7b6a-4958-8c7d-6e5f4a3b2c1d\",\"name\":\"Sales agent\",\"description\":\"CRM\","
        + "\"connectors\":[" + connector("hubspot", "HubSpot", "hubspot__find_contact") + "]}]}");
    agentHandler.stub("mcp_call")
        .respondJson(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"tools\":["
            + "{\"name\":\"slack__post_message\",\"description\":\"Post a message to a Slack channel.\","
            + "\"inputSchema\":{\"type\":\"object\",\"properties\":{\"channel\":{\"type\":\"string\"},\"text\":{\"type\":\"string\"}}}},"
            + "{\"name\":\"linear__create_issue\",\"description\":\"Create an issue in Linear.\","
            + "\"inputSchema\":{\"type\":\"object\",\"properties\":{\"title\":{\"type\":\"string\"}}}},"
            + "{\"name\":\"authenticate_linear\",\"description\":\"Connect your Linear account.\",\"inputSchema\":{\"type\":\"object\"}}]}}")
        .respondJson(200, "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"isError\":false,\"content\":[{\"type\":\"text\","
            + "\"text\":\"{\\\"ok\\\":true,\\\"channel\\\":\\\"#support\\\",\\\"ts\\\":\\\"1732233600.000100\\\"}\"}]}}")
        .respondJson(200, "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{\"content\":[{\"type\":\"text\",\"text\":"
            + "\"{\\\"message\\\":\\\"Ada has not connected Linear yet.\\\","
            + "\\\"magic_link_url\\\":\\\"https://ah.merge.dev/magic-link/linear-3kP9\\\"}\"}]}}");
  }

  private void scriptFileStorage() {
    fileStorage.stub("drives_list").respondJson(200, "{\"next\":null,\"previous\":null,\"results\":["
        + drive("3f2b8c1a-6d4e-4f1a-9b2c-7e5d4c3b2a10", "Engineering", "2023-04-02T09:15:00Z")
        + "," + drive("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "Finance", "2022-11-20T16:40:12.511Z") + "]}");
    StringBuilder files = new StringBuilder("[");
    for (int i = 1; i <= FILES; i++) {
      files.append(i == 1 ? "" : ",").append(String.format(Locale.ROOT,
          "{\"id\":\"6c1f0000-0000-4000-8000-%012d\",\"remote_id\":\"rf-%d\",\"name\":\"Invoice %04d.pdf\","
              + "\"mime_type\":\"application/pdf\",\"size\":%d,\"modified_at\":\"2024-0%d-1%dT10:00:00Z\"}",
          i, i, i, 40_000 + i * 1_337, 1 + i % 9, i % 10));
    }
    fileStorage.stub("files_list").respondPages(files.append(']').toString(), FILE_PAGES);
    byte[] pdf = new byte[DOWNLOAD_BYTES];
    for (int i = 0; i < pdf.length; i++) {
      pdf[i] = (byte) ('a' + i % 26);
    }
    fileStorage.stub("files_download").respond(new MockResponse.Builder().code(200)
        .addHeader("Content-Type", "application/pdf")
        .addHeader("Content-Disposition", "attachment; filename=\"Invoice 0001.pdf\"")
        .body(new Buffer().write(pdf))
        .throttleBody(256 * 1024, 60, TimeUnit.MILLISECONDS)
        .build());
    fileStorage.stub("folders_create").respondJson(201, "{\"model\":{\"id\":\"b1e2d3c4-0000-4000-8000-00000000f01d\","
        + "\"name\":\"Quarterly reports\",\"parent_folder\":null,\"drive\":\"3f2b8c1a-6d4e-4f1a-9b2c-7e5d4c3b2a10\"},"
        + "\"warnings\":[],\"errors\":[]}");
    fileStorage.stub("syncStatus_list").respondJson(200, "{\"next\":null,\"previous\":null,\"results\":["
        + sync("File", "DONE", "2024-11-20T03:00:00Z") + "," + sync("Folder", "SYNCING", "2024-11-21T03:00:00.25Z")
        + "," + sync("Drive", "PARTIALLY_SYNCED", "2024-11-21T02:00:00Z") + "]}");
  }

  private static String connector(String slug, String name, String tool) {
    return "{\"slug\":\"" + slug + "\",\"name\":\"" + name + "\",\"source_url\":null,\"logo_url\":\"https://logos.example/"
        + slug + ".png\",\"categories\":[],\"auth_scope\":\"INDIVIDUAL\",\"connector_id\":\"00000000-0000-4000-8000-0000000000"
        + (10 + slug.length()) + "\",\"tools\":[{\"name\":\"" + tool + "\",\"description\":null,\"input_schema\":{},"
        + "\"credit_type\":\"standard\"}]}";
  }

  private static String drive(String id, String name, String created) {
    return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"remote_created_at\":\"" + created + "\"}";
  }

  private static String sync(String model, String status, String lastStart) {
    return "{\"model_name\":\"" + model + "\",\"model_id\":\"filestorage." + model + "\",\"last_sync_start\":\""
        + lastStart + "\",\"next_sync_start\":\"2024-11-22T03:00:00Z\",\"last_sync_result\":\"DONE\",\"status\":\""
        + status + "\",\"is_initial_sync\":false}";
  }

  @Override
  public void close() {
    agentHandler.close();
    fileStorage.close();
  }
}
