package dev.mergesdk.examples;

// snippet: imports
import dev.mergesdk.agenthandler.AgentHandlerClient;
import dev.mergesdk.core.Region;
import dev.mergesdk.filestorage.FileStorageClient;
import dev.mergesdk.filestorage.FilesApi;   // named, not agenthandler.*: both APIs have a FilesApi
import dev.mergesdk.filestorage.model.File;
// end
import dev.mergesdk.agenthandler.AgentHandlerWebhookEvent;
import dev.mergesdk.agenthandler.AgentHandlerWebhooks;
import dev.mergesdk.agenthandler.ToolCallResult;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.mergesdk.agenthandler.model.AccessKey;
import dev.mergesdk.agenthandler.model.AccessKeyCreate;
import dev.mergesdk.agenthandler.model.AccessKeyWithSecret;
import dev.mergesdk.agenthandler.model.AgentSignup;
import dev.mergesdk.agenthandler.model.ApplicationCredentialUpdate;
import dev.mergesdk.agenthandler.model.FileReservation;
import dev.mergesdk.agenthandler.model.FileReserveRequest;
import dev.mergesdk.agenthandler.model.LinkToken;
import dev.mergesdk.agenthandler.model.LinkTokenRequest;
import dev.mergesdk.agenthandler.model.RegisteredUser;
import dev.mergesdk.agenthandler.model.RegisteredUserCreate;
import dev.mergesdk.agenthandler.model.RegisteredUserUpdate;
import dev.mergesdk.agenthandler.model.UserType;
import dev.mergesdk.core.ApiException;
import dev.mergesdk.core.ApiResponse;
import dev.mergesdk.core.CallInfo;
import dev.mergesdk.core.CallListener;
import dev.mergesdk.core.CallResult;
import dev.mergesdk.core.RetryInfo;
import dev.mergesdk.core.DecodeAnomaly;
import dev.mergesdk.core.Download;
import dev.mergesdk.core.Expandable;
import dev.mergesdk.core.NotFoundException;
import dev.mergesdk.core.RateLimitException;
import dev.mergesdk.core.RequestOptions;
import dev.mergesdk.core.RetryPolicy;
import dev.mergesdk.core.ServerException;
import dev.mergesdk.core.Upload;
import dev.mergesdk.core.WebhookPayloadException;
import dev.mergesdk.core.WebhookSignatureException;
import dev.mergesdk.filestorage.FileStorageWebhookEvent;
import dev.mergesdk.filestorage.FileStorageWebhooks;
import dev.mergesdk.filestorage.FoldersApi;
import dev.mergesdk.filestorage.model.FileExpand;
import dev.mergesdk.filestorage.model.FileRequest;
import dev.mergesdk.filestorage.model.FileStorageFileEndpointRequest;
import dev.mergesdk.filestorage.model.FileStorageFileResponse;
import dev.mergesdk.filestorage.model.FileStorageFolderEndpointRequest;
import dev.mergesdk.filestorage.model.FileStorageFolderResponse;
import dev.mergesdk.filestorage.model.Folder;
import dev.mergesdk.filestorage.model.FolderRequest;
import dev.mergesdk.filestorage.model.PaginatedFileList;
import dev.mergesdk.opentelemetry.MergeTelemetry;
import dev.mergesdk.testkit.WebhookDelivery;
import dev.mergesdk.testkit.Webhooks;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * Every code snippet of the README, compiled with the build: {@code ReadmeSnippetsTest} fails when a README block
 * is not found here verbatim. Each method holds the snippets of one README section.
 */
@SuppressWarnings("unused")
final class ReadmeSnippets {
  private static final Logger LOG = Logger.getLogger("merge");

  private ReadmeSnippets() {
  }

  static void clients(String apiKey, String accountToken, String accessKey) {
    // snippet: clients
    FileStorageClient fileStorage = FileStorageClient.builder()
        .apiKey(apiKey)                 // Authorization: Bearer <key>
        .accountToken(accountToken)     // X-Account-Token: the linked account
        .region(Region.EU)              // US (default), EU, APAC or Region.custom(url)
        .build();

    AgentHandlerClient agentHandler = AgentHandlerClient.builder()
        .apiKey(accessKey)
        .build();
    // end
  }

  static void everyOperation(FileStorageClient client) {
    // snippet: calls
    File file = client.files().retrieve("6c1f0000-0000-4000-8000-000000000001",
        FilesApi.RetrieveParams.builder().expand(FileExpand.FOLDER, FileExpand.PERMISSIONS).build()).execute();
    Optional<String> folderId = Optional.ofNullable(file.getFolder()).map(Expandable::id); // none at a drive's root
    ApiResponse<File> raw = client.files().retrieve(file.getId()).executeRaw();
    System.out.println(raw.statusCode() + " " + raw.requestId().orElse("-"));
    CompletableFuture<File> later = client.files().retrieve(file.getId()).executeAsync();
    // end
  }

  static void paging(FileStorageClient client) {
    // snippet: paging
    FilesApi.ListParams recentPdfs = FilesApi.ListParams.builder()
        .mimeType("application/pdf")
        .modifiedAfter(OffsetDateTime.parse("2024-01-01T00:00:00Z"))
        .pageSize(100)
        .build();
    for (File file : client.files().list(recentPdfs).autoPage()) {   // lazily, page after page
      System.out.println(file.getName());
    }
    long big = client.files().list(recentPdfs).stream()
        .filter(f -> f.getSize() != null && f.getSize() > 1_000_000)   // a provider may not report a size
        .count();
    for (PaginatedFileList page : client.files().list(recentPdfs).pages()) {
      System.out.println(page.getResults().size() + " on this page, next cursor " + page.getNext());
    }
    // end
  }

  static void downloads(FileStorageClient client, String fileId) throws Exception {
    // snippet: downloads
    try (Download download = client.files().download(fileId).execute()) {
      System.out.println(download.fileName().orElse("unnamed") + " " + download.contentType().orElse("?"));
      download.saveTo(Path.of("out/report.pdf"), (bytes, total) -> System.out.print("\r" + bytes + "/" + total));
    }
    try (Download download = client.files().download(fileId).execute();
        java.io.InputStream in = download.inputStream()) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    // end
  }

  static void uploads(AgentHandlerClient client) {
    // snippet: uploads
    FileReservation reservation = client.files().reserve(new FileReserveRequest().filename("big.zip")).execute();
    String uploadToken = reservation.getFileReference();   // also the file_reference argument of a tool
    client.files().upload(uploadToken, Upload.fromPath(Path.of("big.zip"))).execute();
    // end
  }

  static void errors(FileStorageClient client, String fileId) {
    // snippet: errors
    try {
      client.files().retrieve(fileId).execute();
    } catch (NotFoundException e) {
      System.out.println("no such file; request id " + e.requestId().orElse("-"));
    } catch (RateLimitException e) {
      System.out.println("slow down for " + e.retryAfter().orElse(Duration.ofSeconds(60)));
    } catch (ServerException e) {
      System.out.println(e.statusCode() + ": " + e.error().message().orElse(e.body()));
    } catch (ApiException e) {                     // any other status: 400, 401, 403, 409, 422
      System.out.println(e.statusCode() + " " + e.error().code().orElse("") + ": " + e.error().message().orElse(""));
    }
    // end
  }

  static void retries(String apiKey) {
    // snippet: retries
    RetryPolicy patient = RetryPolicy.builder()
        .maxAttempts(5)
        .initialBackoff(Duration.ofSeconds(1))
        .maxBackoff(Duration.ofSeconds(30))
        .maxRetryAfter(Duration.ofMinutes(2))
        .budget(Duration.ofMinutes(5))
        .build();
    FileStorageClient client = FileStorageClient.builder().apiKey(apiKey).retryPolicy(patient).build();
    FileStorageClient noRetries = FileStorageClient.builder().apiKey(apiKey).retryPolicy(RetryPolicy.none()).build();
    // end
  }

  static void options(FileStorageClient client) {
    // snippet: options
    FileStorageFolderEndpointRequest request = new FileStorageFolderEndpointRequest()
        .model(new FolderRequest().name("Invoices 2024"));
    RequestOptions options = RequestOptions.builder()
        .accountToken("another-linked-account")       // this call only
        .idempotencyKey(UUID.randomUUID().toString())  // makes the POST safe to retry
        .timeout(Duration.ofSeconds(20))               // the whole call, retries included
        .header("X-Trace-Id", "checkout-42")
        .build();
    client.folders().create(request).with(options).execute();
    // end
  }

  static void tolerantReading(String apiKey) {
    // snippet: tolerant-reading
    FileStorageClient client = FileStorageClient.builder()
        .apiKey(apiKey)
        .callListener(new CallListener() {
          @Override
          public void decodeAnomaly(CallInfo call, DecodeAnomaly anomaly) {
            LOG.warning(call.operation() + ": " + anomaly); // $.results[3].size of File: expected Long, found string
          }
        })
        .build();
    FileStorageClient failFast = FileStorageClient.builder().apiKey(apiKey).strictDecoding(true).build();
    // end
  }

  static void clearing(AgentHandlerClient client, String credentialId) {
    // snippet: clearing
    client.applicationCredentials().partialUpdate(credentialId, new ApplicationCredentialUpdate()
        .clientId("new-client-id")          // sent
        .clearOauth2ScopesOverride())       // sent as null: back to the connector's default scopes
        .execute();                         // external_id, client_secret: not sent, unchanged
    AccessKeyWithSecret forever = client.accessKeys().create(new AccessKeyCreate().name("ci").clearExpiresAt())
        .execute();                         // expires_at: null, a key that never expires
    // end
  }

  static void escapeHatches(AgentHandlerClient client, String userId, RegisteredUserUpdate change) {
    // snippet: escape-hatches
    try (AgentHandlerClient anonymous = AgentHandlerClient.builder().build()) {  // no access key
      AgentSignup signup = anonymous.agent().signup().execute();                 // sent without Authorization
      System.out.println("claim the new organisation at " + signup.getClaimUrl());
    }

    RequestOptions beta = RequestOptions.builder()
        .extraQueryParameter("include_beta", "true")                      // after the call's own parameters
        .extraBodyMember("preferred_locale", new JsonPrimitive("en-GB"))  // merged into the JSON body
        .build();
    client.registeredUsers().partialUpdate(userId, change).with(beta).execute();

    JsonElement packs = client.raw().get("/tool-packs/", Map.of("page_size", "10")).execute();
    JsonElement created = client.raw().post("/tool-packs/", JsonParser.parseString("{\"name\": \"Support\"}"))
        .with(RequestOptions.builder().idempotencyKey(UUID.randomUUID().toString()).build())
        .execute();
    // end
  }

  static void logging(String apiKey) {
    // snippet: logging
    FileStorageClient client = FileStorageClient.builder()
        .apiKey(apiKey)
        .logger(LOG::fine)                             // one redacted line per request and response
        .userAgentSuffix("acme-sync/2.1")
        .header("X-Team", "documents")
        .httpClient(new okhttp3.OkHttpClient())        // your pool, proxy, TLS; auth and retries still apply
        .build();
    // end
  }

  static void observability(String apiKey, io.opentelemetry.api.OpenTelemetry openTelemetry) {
    // snippet: observability
    CallListener listener = new CallListener() {
      @Override
      public void retryDecision(CallInfo call, RetryInfo decision) {
        LOG.info(call.operation() + ": " + decision);  // retry after 503 in 740 ms, attempt 2 of 3
      }

      @Override
      public void callEnd(CallInfo call, CallResult result) {
        LOG.fine(call.method() + " " + call.url() + " " + result); // CallResult{ok, status 200, 2 attempt(s), ...}
      }
    };
    FileStorageClient logged = FileStorageClient.builder().apiKey(apiKey).callListener(listener).build();
    FileStorageClient traced = FileStorageClient.builder()
        .apiKey(apiKey)
        .callListener(MergeTelemetry.create(openTelemetry))  // spans and metrics, OpenTelemetry API only
        .build();
    // end
  }

  static void mcp(AgentHandlerClient client, String toolPackId, String userId) {
    // snippet: mcp
    ToolCallResult result = client.mcpSession(toolPackId, userId)
        .callTool("linear__create_issue", Map.of("title", "Printer on fire"));
    if (result.requiresAuthentication()) {
      System.out.println("ask the user to connect: " + result.authenticationUrl().orElseThrow());
    } else if (result.isSuccess()) {
      System.out.println(result.text());
    }
    // end
  }

  static void driveFolders(FileStorageClient client, String driveId) {
    // snippet: tasks-folders
    FoldersApi.ListParams inDrive = FoldersApi.ListParams.builder().driveId(driveId).build();
    for (Folder folder : client.folders().list(inDrive).autoPage()) {
      System.out.println(folder.getId() + " " + folder.getName());
    }
    // end
  }

  static String folderInFolder(FileStorageClient client, String driveId, String parentFolderId) {
    // snippet: tasks-create-folder
    FileStorageFolderResponse created = client.folders().create(new FileStorageFolderEndpointRequest()
        .model(new FolderRequest()
            .name("Q3 reports")
            .parentFolder(Expandable.ofId(parentFolderId))   // a reference is set by id
            .drive(Expandable.ofId(driveId))))
        .execute();
    String folderId = created.getModel().getId();
    // end
    return folderId;
  }

  static String fileInFolder(FileStorageClient client, String folderId) {
    // snippet: tasks-create-file
    FileStorageFileResponse created = client.files().create(new FileStorageFileEndpointRequest()
        .model(new FileRequest()
            .name("Q3 report.pdf")
            .fileUrl("https://example.com/exports/q3-report.pdf")   // where the provider fetches the bytes
            .mimeType("application/pdf")
            .folder(Expandable.ofId(folderId))))
        .execute();
    // end
    return created.getModel().getId();
  }

  static String registeredUserAndLinkToken(AgentHandlerClient client) {
    // snippet: tasks-link-token
    RegisteredUser user = client.registeredUsers().create(new RegisteredUserCreate()
        .originUserId("user-4821")                  // your id for the user: creating it again returns the same one
        .originUserName("Ada Lovelace")
        .userType(UserType.HUMAN)).execute();
    LinkToken link = client.registeredUsers().createLinkToken(user.getId(),
        new LinkTokenRequest().connector("linear")).execute();
    System.out.println("send Ada this link to connect Linear: " + link.getMagicLinkUrl());
    // end
    return link.getMagicLinkUrl();
  }

  // snippet: webhooks
  static int onFileStorageWebhook(String signatureKey, Map<String, String> headers, byte[] rawBody) {
    try {
      FileStorageWebhookEvent event = FileStorageWebhooks.verifyAndParse(signatureKey, rawBody,
          headers.get(FileStorageWebhooks.SIGNATURE_HEADER));      // the body exactly as received
      event.data(File.class).ifPresent(file -> System.out.println(event.event() + ": " + file.getName()));
      return 200;
    } catch (WebhookSignatureException e) {
      return 401;                                                  // not signed with your key: ignore it
    } catch (WebhookPayloadException e) {
      return 400;
    }
  }

  static void onAgentHandlerWebhook(String signatureKey, String signature, byte[] rawBody) {
    AgentHandlerWebhookEvent event = AgentHandlerWebhooks.verifyAndParse(signatureKey, rawBody, signature);
    if (event.event().filter("registered_user.created"::equals).isPresent()) {
      RegisteredUser user = event.dataAs(RegisteredUser.class).orElseThrow();
      System.out.println("new user " + user.getOriginUserName());
    }
  }
  // end

  static List<Integer> webhookTests(String signatureKey) throws Exception {
    // snippet: webhook-tests
    WebhookDelivery delivery = Webhooks.fileStorage(signatureKey,
        Webhooks.fileStorageEnvelope("File.changed", "{\"name\": \"Q1 roadmap.pdf\"}"));
    int accepted = delivery.deliverTo((headers, body) -> onFileStorageWebhook(signatureKey, headers, body)); // 200
    int forged = delivery.withBody("{\"forged\": true}")
        .deliverTo((headers, body) -> onFileStorageWebhook(signatureKey, headers, body));                    // 401
    // end
    return List.of(accepted, forged);
  }

  static List<AccessKey> accessKeys(AgentHandlerClient client) {
    return client.accessKeys().list().stream().collect(java.util.stream.Collectors.toList());
  }
}
