package dev.mergesdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.mergesdk.agenthandler.AgentHandlerClient;
import dev.mergesdk.core.RequestOptions;
import dev.mergesdk.core.SecretGuard;
import dev.mergesdk.filestorage.FileStorageClient;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input both clients refuse alike: a path argument is percent-encoded and can never change the path, whatever
 * it holds ({@code /}, {@code ..}, {@code ?}, {@code #}, {@code %}, spaces, non-ASCII), and nothing shows the
 * credentials. What each API bounds on its own (page sizes, regions) is in the client modules' BadInputTest.
 */
class BadInputTest {
  // Hostile ids break the specs' id formats on purpose: what matters here is the path the server receives.
  @RegisterExtension
  static final MergeMock FILE_STORAGE = MergeMock.fileStorage().allowViolations();
  @RegisterExtension
  static final MergeMock AGENT_HANDLER = MergeMock.agentHandler().allowViolations();

  static Stream<Arguments> hostileIds() {
    List<Arguments> rows = new ArrayList<>();
    String[][] fileIds = {{"a/b", "a%2Fb"}, {"a/../b", "a%2F..%2Fb"}, {"../../admin", "..%2F..%2Fadmin"},
        {"..x", "..x"}, {"x?y=1", "x%3Fy%3D1"}, {"x#frag", "x%23frag"}, {"100%", "100%25"}, {"%2F", "%252F"},
        {"été", "%C3%A9t%C3%A9"}, {"日本", "%E6%97%A5%E6%9C%AC"}, {"a b", "a%20b"}, {"a;b", "a%3Bb"},
        {"a\\b", "a%5Cb"}, {"~user.name_1-2", "~user.name_1-2"}};
    for (String[] row : fileIds) {
      rows.add(arguments(SdkClient.FILE_STORAGE, row[0], row[1]));
    }
    String[][] userIds = {{"a/b", "a%2Fb"}, {"../tool-packs", "..%2Ftool-packs"}, {"..x", "..x"},
        {"x?page=2", "x%3Fpage%3D2"}, {"x#frag", "x%23frag"}, {"50%", "50%25"}, {"%2e%2e", "%252e%252e"},
        {"Zoë", "Zo%C3%AB"}, {"ユーザー", "%E3%83%A6%E3%83%BC%E3%82%B6%E3%83%BC"}, {"a b+c", "a%20b%2Bc"}};
    for (String[] row : userIds) {
      rows.add(arguments(SdkClient.AGENT_HANDLER, row[0], row[1]));
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}: id ''{1}'' is sent as ''{2}''")
  @MethodSource("hostileIds")
  void pathArgumentsArePercentEncodedAndNeverAlterThePath(SdkClient sdk, String id, String encoded) throws Exception {
    try (SecretGuard guard = SecretGuard.start()) {
      String path;
      List<String> segments = new ArrayList<>(List.of(sdk.spec().basePath().substring(1).split("/")));
      MergeMock mock;
      if (sdk == SdkClient.FILE_STORAGE) {
        mock = FILE_STORAGE;
        try (FileStorageClient client = (FileStorageClient) sdk.build(mock.baseUrl(), guard.logger(), false)) {
          client.files().retrieve(id).execute();
          guard.check(client);
        }
        path = "/files/" + encoded;
        segments.addAll(List.of("files", id));
      } else {
        mock = AGENT_HANDLER;
        try (AgentHandlerClient client = (AgentHandlerClient) sdk.build(mock.baseUrl(), guard.logger(), false)) {
          client.registeredUsers().retrieve(id)
              .with(RequestOptions.builder().accountToken(SecretGuard.ACCOUNT_TOKEN).build()).execute();
          guard.check(client);
        }
        path = "/registered-users/" + encoded + "/";
        segments.addAll(List.of("registered-users", id, ""));
      }
      RecordedCall request = mock.lastRequest();
      assertEquals(sdk.spec().basePath() + path, request.target());
      assertEquals(segments, request.request().getUrl().pathSegments(),
          "the server decodes exactly the id, and no segment is added or removed");
    }
  }
}
