// An engine whose owner can approve from a test (both factors), and an MCP client from the SDK
// connected to the engine's MCP hub in this process.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import type { Engine } from '../../../main/engine.ts';
import { createServiceBackend } from '../../../main/api/service-backend.ts';
import { createMcpHub, type McpHub } from '../../../main/mcp/mcp-server.ts';
import { enrollAuthenticator, openApprovalEngine, type Authenticator } from '../../bridge/approval-engine.ts';

export interface McpSetup {
  engine: Engine;
  authenticator: Authenticator;
  hub: McpHub;
  client: Client;
  /** Resolves at the next notifications/tools/list_changed the client receives. */
  nextToolListChange(): Promise<void>;
  close(): Promise<void>;
}

/** Connects an SDK client to `hub` through a linked in-memory pair; list_changed notifications are queued for `nextToolListChange`. */
export async function connectClient(hub: McpHub): Promise<{ client: Client; nextToolListChange(): Promise<void> }> {
  const client = new Client({ name: 'test-assistant', version: '1.0.0' });
  const waiting: (() => void)[] = [];
  let unclaimed = 0;
  client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
    const next = waiting.shift();
    if (next) next();
    else unclaimed += 1;
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await hub.connect(serverSide);
  await client.connect(clientSide);
  return {
    client,
    nextToolListChange: () => {
      if (unclaimed > 0) {
        unclaimed -= 1;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
  };
}

export async function openMcpSetup(dataDir: string): Promise<McpSetup> {
  const { engine, clock } = openApprovalEngine(dataDir, { biometric: 'approve' });
  const authenticator = await enrollAuthenticator(engine, clock);
  const hub = createMcpHub({ service: engine.service, backend: createServiceBackend(engine.service), onError: (error) => { throw error; } });
  const { client, nextToolListChange } = await connectClient(hub);
  return {
    engine, authenticator, hub, client, nextToolListChange,
    async close() {
      await client.close();
      await hub.close();
      await engine.close();
    },
  };
}

/** The executions the store recorded, newest first. */
export const executions = (engine: Engine) => engine.store.executions.page({ offset: 0, limit: 50 }).items;
