package dev.mergesdk.examples;

import dev.mergesdk.agenthandler.AgentHandlerClient;
import dev.mergesdk.agenthandler.McpSession;
import dev.mergesdk.agenthandler.ToolCallResult;
import dev.mergesdk.agenthandler.model.LinkToken;
import dev.mergesdk.agenthandler.model.LinkTokenRequest;
import dev.mergesdk.agenthandler.model.McpTool;
import dev.mergesdk.agenthandler.model.RegisteredUser;
import dev.mergesdk.agenthandler.model.RegisteredUserCreate;
import dev.mergesdk.agenthandler.model.ToolPack;
import dev.mergesdk.agenthandler.model.ToolPackConnector;
import dev.mergesdk.agenthandler.model.UserType;
import dev.mergesdk.core.ApiException;
import dev.mergesdk.core.MergeException;
import dev.mergesdk.core.Region;
import dev.mergesdk.filestorage.FileStorageClient;
import dev.mergesdk.filestorage.FilesApi;
import dev.mergesdk.filestorage.model.Drive;
import dev.mergesdk.filestorage.model.File;
import dev.mergesdk.filestorage.model.FileStorageFolderEndpointRequest;
import dev.mergesdk.filestorage.model.FileStorageFolderResponse;
import dev.mergesdk.filestorage.model.FolderRequest;
import dev.mergesdk.filestorage.model.SyncStatus;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The quick start: both APIs end to end. Without {@code MERGE_API_KEY} it runs offline against in-process fake
 * servers (the testkit), deterministic and with no Merge account. With it, against the real APIs, read-only
 * unless {@code --write} is given.
 *
 * <p>Environment: {@code MERGE_API_KEY} (File Storage key; also used for Agent Handler unless
 * {@code MERGE_AH_API_KEY} is set), {@code MERGE_ACCOUNT_TOKEN} (a File Storage linked account),
 * {@code MERGE_REGION} (US, EU or APAC). Exit status: 0 when every step worked, 1 when a call failed, 2 for a bad
 * setting or argument, reported before anything is sent.
 */
public final class QuickStart {
  static final int OK = 0;
  static final int CALL_FAILED = 1;
  static final int BAD_SETTING = 2;

  private final Console console;
  private final boolean offline;
  private final boolean writes;

  QuickStart(PrintStream out, boolean offline, boolean writes, boolean interactive) {
    this.console = new Console(out, interactive);
    this.offline = offline;
    this.writes = writes;
  }

  /**
   * Runs the walk-through and exits with its status.
   *
   * @param args {@code --write} allows the steps that create things when running against the real APIs
   */
  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.console() != null));
  }

  /**
   * @param args the command line
   * @param env the environment variables
   * @param out where to print
   * @param interactive whether {@code out} is a terminal (progress is redrawn in place)
   * @return the exit status
   */
  static int run(String[] args, Map<String, String> env, PrintStream out, boolean interactive) {
    for (String arg : args) {
      if (!arg.equals("--write")) {
        out.println("Unknown argument '" + arg + "': the only option is --write.");
        return BAD_SETTING;
      }
    }
    String apiKey = env.get("MERGE_API_KEY");
    boolean offline = apiKey == null || apiKey.isBlank();
    QuickStart demo = new QuickStart(out, offline, offline || List.of(args).contains("--write"), interactive);
    return offline ? demo.runOffline()
        : demo.runLive(apiKey, env.get("MERGE_AH_API_KEY"), env.get("MERGE_ACCOUNT_TOKEN"), env.get("MERGE_REGION"));
  }

  int runOffline() {
    console.heading("Merge SDK quick start - OFFLINE");
    console.line("No MERGE_API_KEY is set, so this runs against in-process fake servers (the testkit):");
    console.line("deterministic demo data, every request checked against the specs, nothing leaves this machine.");
    console.line("Set MERGE_API_KEY (and MERGE_ACCOUNT_TOKEN, MERGE_REGION) to run against the real APIs.");
    try (OfflineApis apis = new OfflineApis();
        AgentHandlerClient agentHandler = AgentHandlerClient.builder().apiKey("offline-demo-key")
            .baseUrl(apis.agentHandler.baseUrl()).build();
        FileStorageClient fileStorage = FileStorageClient.builder().apiKey("offline-demo-key")
            .accountToken("offline-demo-account").baseUrl(apis.fileStorage.baseUrl()).build()) {
      int status = agentHandler(agentHandler) | fileStorage(fileStorage);
      apis.agentHandler.assertNoViolations();
      apis.fileStorage.assertNoViolations();
      console.heading("Done: " + (apis.agentHandler.requests().size() + apis.fileStorage.requests().size())
          + " requests, all conforming to the specs");
      return status;
    }
  }

  int runLive(String apiKey, String agentHandlerKey, String accountToken, String regionSetting) {
    console.heading("Merge SDK quick start - LIVE " + (writes ? "(writes allowed)" : "(read-only)"));
    // Every setting is checked before the first request: a typo must stop the run, not skip half of it.
    Region region;
    try {
      region = regionSetting == null || regionSetting.isBlank() ? Region.resolve(null) : Region.of(regionSetting);
    } catch (IllegalArgumentException e) {
      return badSetting(regionSetting == null || regionSetting.isBlank() ? "-D" + Region.SYSTEM_PROPERTY
          : "MERGE_REGION", e);
    }
    AgentHandlerClient agentHandler = null;
    FileStorageClient fileStorage = null;
    try {
      String ahKey = agentHandlerKey == null || agentHandlerKey.isBlank() ? apiKey : agentHandlerKey;
      if (region.equals(Region.APAC)) {
        console.step("Agent Handler skipped: it is served in the US and the EU only, and MERGE_REGION is APAC.");
      } else {
        try {
          agentHandler = AgentHandlerClient.builder().apiKey(ahKey).region(region)
              .userAgentSuffix("merge-sdk-quickstart").build();
        } catch (IllegalArgumentException e) {
          boolean ownKey = agentHandlerKey != null && !agentHandlerKey.isBlank();
          return badSetting(ownKey ? "MERGE_AH_API_KEY" : "MERGE_API_KEY", e);
        }
      }
      if (accountToken == null || accountToken.isBlank()) {
        console.step("File Storage skipped: set MERGE_ACCOUNT_TOKEN to a linked account's token.");
      } else {
        try {
          fileStorage = FileStorageClient.builder().apiKey(apiKey).accountToken(accountToken).region(region)
              .userAgentSuffix("merge-sdk-quickstart").build();
        } catch (IllegalArgumentException e) {
          return badSetting("MERGE_API_KEY or MERGE_ACCOUNT_TOKEN", e);
        }
      }
      int status = OK;
      if (agentHandler != null) {
        status |= agentHandler(agentHandler);
      }
      if (fileStorage != null) {
        status |= fileStorage(fileStorage);
      }
      return status;
    } finally {
      if (agentHandler != null) {
        agentHandler.close();
      }
      if (fileStorage != null) {
        fileStorage.close();
      }
    }
  }

  private int badSetting(String setting, IllegalArgumentException e) {
    console.line("Bad setting " + setting + ": " + e.getMessage());
    console.line("Nothing was sent. Fix it and run again.");
    return BAD_SETTING;
  }

  private int agentHandler(AgentHandlerClient client) {
    console.heading("Agent Handler  " + client.baseUrl());
    try {
      String userId = null;
      if (writes) {
        console.step("Create a registered user (idempotent on origin_user_id)");
        RegisteredUser user = client.registeredUsers().create(new RegisteredUserCreate()
            .originUserId("user-4821").originUserName("Ada Lovelace").userType(UserType.HUMAN)).execute();
        userId = user.getId();
        console.table(List.of("id", "origin user", "name", "connected"), List.of(List.of(user.getId(),
            user.getOriginUserId(), user.getOriginUserName(), String.join(",", orEmpty(user.getAuthenticatedConnectors())))));

        console.step("Create a link token so Ada can connect Linear");
        LinkToken link = client.registeredUsers().createLinkToken(user.getId(),
            new LinkTokenRequest().connector("linear")).execute();
        console.line("magic link: " + link.getMagicLinkUrl());
      } else {
        console.step("Registered users (read-only: not creating one)");
        List<RegisteredUser> users = client.registeredUsers().list().stream().limit(5).collect(Collectors.toList());
        console.table(List.of("id", "origin user", "name"), users.stream()
            .map(u -> List.of(u.getId(), u.getOriginUserId(), u.getOriginUserName())).collect(Collectors.toList()));
        userId = users.isEmpty() ? null : users.get(0).getId();
      }

      console.step("Tool packs");
      List<ToolPack> packs = client.toolPacks().list().stream().limit(10).collect(Collectors.toList());
      console.table(List.of("id", "name", "connectors"), packs.stream().map(p -> List.of(p.getId(), p.getName(),
          orEmpty(p.getConnectors()).stream().map(ToolPackConnector::getSlug).collect(Collectors.joining(","))))
          .collect(Collectors.toList()));
      if (packs.isEmpty() || userId == null) {
        console.line("No tool pack or registered user to continue with.");
        return OK;
      }

      McpSession mcp = client.mcpSession(packs.get(0).getId(), userId);
      console.step("Tools of '" + packs.get(0).getName() + "' over MCP");
      List<McpTool> tools = mcp.listTools().collect(Collectors.toList());
      console.table(List.of("tool", "description"), tools.stream()
          .map(t -> List.of(t.getName(), String.valueOf(t.getDescription()))).collect(Collectors.toList()));

      if (!writes) {
        console.line("(read-only: not calling tools; pass --write to call slack__post_message)");
        return OK;
      }
      console.step("Call slack__post_message");
      show(mcp.callTool("slack__post_message", Map.of("channel", "#support", "text", "Hello from the Java SDK")));
      console.step("Call linear__create_issue before Ada has connected Linear");
      show(mcp.callTool("linear__create_issue", Map.of("title", "Printer on fire")));
      return OK;
    } catch (MergeException e) {
      return failed(e);
    }
  }

  private void show(ToolCallResult result) {
    switch (result.status()) {
      case SUCCESS:
        console.line("ok: " + result.text());
        break;
      case AUTHENTICATION_REQUIRED:
        console.line("authenticate first: " + result.message().orElse(""));
        console.line("send the user this link: " + result.authenticationUrl().orElse("?"));
        break;
      default:
        console.line("tool error " + result.errorCode().orElse("") + ": " + result.message().orElse(""));
    }
  }

  private int fileStorage(FileStorageClient client) {
    console.heading("File Storage  " + client.baseUrl());
    try {
      console.step("Drives");
      List<Drive> drives = client.drives().list().stream().limit(10).collect(Collectors.toList());
      console.table(List.of("id", "name", "created remotely"), drives.stream().map(d -> List.of(d.getId(),
          d.getName(), String.valueOf(d.getRemoteCreatedAt()))).collect(Collectors.toList()));

      console.step("Every PDF, page by page (filter mime_type=application/pdf, 100 per page)");
      FilesApi.ListParams pdfs = FilesApi.ListParams.builder().mimeType("application/pdf").pageSize(100).build();
      List<File> sample = new ArrayList<>();
      long count = 0;
      long bytes = 0;
      for (File file : client.files().list(pdfs).autoPage()) {
        count++;
        bytes += file.getSize() == null ? 0 : file.getSize();
        if (sample.size() < 3) {
          sample.add(file);
        }
      }
      console.line(count + " files, " + (bytes / 1024) + " KiB in all; the first three:");
      console.table(List.of("id", "name", "size"), sample.stream().map(f -> List.of(f.getId(), f.getName(),
          String.valueOf(f.getSize()))).collect(Collectors.toList()));

      if (!sample.isEmpty()) {
        console.step("Download '" + sample.get(0).getName() + "' to disk");
        Path target = Files.createTempDirectory("merge-quickstart").resolve("download.pdf");
        client.files().download(sample.get(0).getId()).execute().saveTo(target, console.progress("download"));
        console.line("saved " + Files.size(target) + " bytes to " + target);
      }

      if (writes) {
        console.step("Create a folder");
        FileStorageFolderResponse created = client.folders().create(new FileStorageFolderEndpointRequest()
            .model(new FolderRequest().name("Quarterly reports"))).execute();
        console.line("created folder " + created.getModel().getId() + " '" + created.getModel().getName() + "'"
            + (created.getWarnings() == null || created.getWarnings().isEmpty() ? "" : " with warnings"));
      }

      console.step("Sync status of the linked account");
      List<SyncStatus> statuses = client.syncStatus().list().stream().collect(Collectors.toList());
      console.table(List.of("model", "status", "last sync started", "next"), statuses.stream().map(s -> List.of(
          s.getModelName(), String.valueOf(s.getStatus()), String.valueOf(s.getLastSyncStart()),
          String.valueOf(s.getNextSyncStart()))).collect(Collectors.toList()));
      return OK;
    } catch (MergeException e) {
      return failed(e);
    } catch (java.io.IOException e) {
      console.line("local file error: " + e.getMessage());
      return CALL_FAILED;
    }
  }

  private int failed(MergeException e) {
    console.line("FAILED: " + e.getMessage());
    if (e instanceof ApiException) {
      ApiException api = (ApiException) e;
      console.line("status " + api.statusCode() + ", request id " + api.requestId().orElse("-"));
    }
    return CALL_FAILED;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
