package dev.mergesdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.mergesdk.agenthandler.AgentHandlerWebhooks;
import dev.mergesdk.agenthandler.model.RegisteredUser;
import dev.mergesdk.core.WebhookPayloadException;
import dev.mergesdk.core.WebhookSignatureException;
import dev.mergesdk.filestorage.FileStorageWebhookEvent;
import dev.mergesdk.filestorage.FileStorageWebhooks;
import dev.mergesdk.filestorage.model.File;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Webhook endpoints as users write them, with the real clients' verifiers, driven by the testkit: directly as a
 * function, and over HTTP to a running server.
 */
class WebhookDeliveryTest {
  private static final String KEY = "endpoint-signature-key";

  /** A user's File Storage endpoint: remembers the files it was told about. */
  static final class FileEndpoint {
    final List<File> changed = new CopyOnWriteArrayList<>();

    int handle(Map<String, String> headers, byte[] body) {
      try {
        FileStorageWebhookEvent event = FileStorageWebhooks.verifyAndParse(KEY, body,
            headers.get(FileStorageWebhooks.SIGNATURE_HEADER));
        event.data(File.class).ifPresent(changed::add);
        return 200;
      } catch (WebhookSignatureException e) {
        return 401;
      } catch (WebhookPayloadException e) {
        return 400;
      }
    }
  }

  @Test
  void aFileStorageEndpointActsOnASignedDeliveryAndIgnoresForgedOnes() throws Exception {
    FileEndpoint endpoint = new FileEndpoint();
    WebhookDelivery delivery = Webhooks.fileStorage(KEY,
        Webhooks.fileStorageEnvelope("File.changed", "{\"id\": \"d4c3b2a1\", \"name\": \"Q1 roadmap.pdf\"}"));

    assertEquals(200, (int) delivery.deliverTo(endpoint::handle));
    assertEquals(401, (int) delivery.withBody(delivery.bodyText().replace("Q1", "Q2")).deliverTo(endpoint::handle));
    assertEquals(401, (int) delivery.withoutSignature().deliverTo(endpoint::handle));
    assertEquals(401, (int) delivery.withSignature(Webhooks.sign("leaked-old-key", delivery.bodyText()))
        .deliverTo(endpoint::handle));

    assertEquals(1, endpoint.changed.size(), "only the genuine delivery was acted on");
    assertEquals("Q1 roadmap.pdf", endpoint.changed.get(0).getName());
  }

  @Test
  void anAgentHandlerEndpointAcceptsTheTestkitsHexAndBase64Signatures() throws Exception {
    String body = "{\"event\": \"registered_user.created\", \"data\": {\"id\": \"u1\", \"origin_user_id\": \"user-1042\"}}";
    WebhookDelivery delivery = Webhooks.agentHandler(KEY, body);
    WebhookHandler<String> endpoint = (headers, raw) -> AgentHandlerWebhooks
        .verifyAndParse(KEY, raw, headers.get(AgentHandlerWebhooks.SIGNATURE_HEADER))
        .dataAs(RegisteredUser.class).orElseThrow().getOriginUserId();

    assertEquals("user-1042", delivery.deliverTo(endpoint));
    assertEquals("user-1042", delivery.withSignature(Webhooks.sign(KEY, body)).deliverTo(endpoint));
  }

  @Test
  void aDeliveryPostedToARunningServerVerifiesThere() throws Exception {
    FileEndpoint endpoint = new FileEndpoint();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/merge/webhooks", exchange -> {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String signature = exchange.getRequestHeaders().getFirst(FileStorageWebhooks.SIGNATURE_HEADER);
      int status = endpoint.handle(signature == null ? Map.of() : Map.of(FileStorageWebhooks.SIGNATURE_HEADER, signature),
          body);
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
    try {
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/merge/webhooks");
      WebhookDelivery delivery = Webhooks.fileStorage(KEY,
          Webhooks.fileStorageEnvelope("File.added", "{\"name\": \"Größe – 報告.pdf\"}"));

      assertEquals(200, delivery.postTo(uri));
      assertEquals(401, delivery.withoutSignature().postTo(uri));
    } finally {
      server.stop(0);
    }
    assertEquals(1, endpoint.changed.size());
    assertTrue(endpoint.changed.get(0).getName().startsWith("Größe"), "the body arrived byte for byte");
  }
}
