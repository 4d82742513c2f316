/**
 * Merge Agent Handler: {@link dev.mergesdk.agenthandler.AgentHandlerClient}, one generated operation group per
 * tag of {@code spec/agent-handler.yaml}, the MCP session ({@link dev.mergesdk.agenthandler.McpSession}, tool
 * results and JSON-RPC errors) and the webhook parsing of {@link dev.mergesdk.agenthandler.AgentHandlerWebhooks}.
 * The models are in {@code .model}.
 */
package dev.mergesdk.agenthandler;
