// MCP over Streamable HTTP at /mcp, on the local API's port and behind its checks: the API server
// has already refused foreign Host headers and browsers, required the bearer token, applied the
// rate limit and read the JSON body within the body limit before a request gets here.
//
// Session mode, not stateless: `notifications/tools/list_changed` can only reach a client that
// holds a stream open (GET /mcp) under a session, and telling the assistant that a skill was just
// approved is the point. Each session costs one small `Server` object; at most MAX_SESSIONS are
// kept, the least recently used one closed first (its client gets 404 and starts a new session,
// as the protocol says), so clients that never say goodbye cannot grow memory without bound.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { Localized } from '../../shared/i18n-types.ts';
import type { McpHub } from './mcp-server.ts';

const MAX_SESSIONS = 32;

const NO_SESSION = {
  en: 'No session: send initialize first, then the Mcp-Session-Id it answers with.',
  pl: 'Brak sesji: najpierw wyślij initialize, potem Mcp-Session-Id z odpowiedzi.',
};
const SESSION_GONE = {
  en: 'This session is over (closed, or replaced by newer ones): start a new one with initialize.',
  pl: 'Ta sesja się skończyła (zamknięta albo zastąpiona nowszymi): zacznij nową przez initialize.',
};

export interface McpHttpEndpoint {
  /** Where the API server routes MCP requests. */
  path: '/mcp';
  /** Serves one request; `body` is the parsed JSON body of a POST (undefined otherwise). */
  handle(req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void>;
  close(): Promise<void>;
}

function sendJsonRpcError(res: ServerResponse, status: number, message: Localized): void {
  const error = { code: -32000, message: message.en, data: { message } };
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', error, id: null }));
}

export function createMcpHttpEndpoint(hub: McpHub): McpHttpEndpoint {
  // Insertion order is use order: a used session is moved to the end.
  const sessions = new Map<string, StreamableHTTPServerTransport>();

  async function open(): Promise<StreamableHTTPServerTransport> {
    if (sessions.size >= MAX_SESSIONS) await sessions.values().next().value!.close();
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => void sessions.set(id, transport),
    });
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
    };
    await hub.connect(transport);
    return transport;
  }

  return {
    path: '/mcp',
    async handle(req, res, body) {
      const id = req.headers['mcp-session-id'];
      let transport: StreamableHTTPServerTransport | undefined;
      if (typeof id === 'string') {
        transport = sessions.get(id);
        if (!transport) return sendJsonRpcError(res, 404, SESSION_GONE);
        sessions.delete(id);
        sessions.set(id, transport);
      } else if (req.method === 'POST' && isInitializeRequest(body)) {
        transport = await open();
      } else {
        return sendJsonRpcError(res, 400, NO_SESSION);
      }
      await transport.handleRequest(req, res, body);
    },
    async close() {
      await Promise.all([...sessions.values()].map((transport) => transport.close()));
      sessions.clear();
    },
  };
}
