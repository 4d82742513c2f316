package dev.mergesdk.core;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;

/**
 * Server sockets whose connections send small writes at once (TCP_NODELAY). MockWebServer writes a response's
 * headers and body separately; without this, Nagle's algorithm meets the client's delayed ACK and every response
 * after the first on a kept-alive connection waits about 40 ms, which is the mock's latency, not the SDK's.
 * Public so the client modules' tests can use it: {@code server.setServerSocketFactory(NoDelayServerSockets.FACTORY)}.
 */
public final class NoDelayServerSockets extends ServerSocketFactory {
  /** The factory to give MockWebServer before it starts. */
  public static final ServerSocketFactory FACTORY = new NoDelayServerSockets();

  private NoDelayServerSockets() {
  }

  private static ServerSocket unbound() throws IOException {
    return new ServerSocket() {
      @Override
      public Socket accept() throws IOException {
        Socket socket = new Socket();
        implAccept(socket);
        socket.setTcpNoDelay(true);
        return socket;
      }
    };
  }

  @Override
  public ServerSocket createServerSocket() throws IOException {
    return unbound();
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    ServerSocket socket = unbound();
    socket.bind(new InetSocketAddress(port));
    return socket;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog) throws IOException {
    ServerSocket socket = unbound();
    socket.bind(new InetSocketAddress(port), backlog);
    return socket;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
    ServerSocket socket = unbound();
    socket.bind(new InetSocketAddress(address, port), backlog);
    return socket;
  }
}
