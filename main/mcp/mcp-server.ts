// Skill Foundry as an MCP server: the assistant's side of the engine, beside the REST API and with
// its guarantees. Every connection (stdio, or one Streamable HTTP session) gets its own protocol
// `Server`; all of them share one hub that knows the runnable skills and tells every connection
// when they change. The low-level `Server` is used rather than `McpServer` on purpose: tools here
// are data (their set changes at run time, and each inputSchema is a skill's own JSON Schema,
// which McpServer would want as zod).
//
// The caller is always the assistant principal: a tool call is the REST execute path
// (`ApiBackend.execute`, which runs `SkillService.execute`: RBAC, the params check against the
// action's schema, the sandbox, an execution record with `trigger: mcp`). Actions that need the
// owner's consent wait for it as they do elsewhere; where nobody can be asked they are refused
// with the reason.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  CallToolRequestSchema, ErrorCode, ListResourcesRequestSchema, ListToolsRequestSchema, McpError, ReadResourceRequestSchema, type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import { isActionRefusal } from '../../shared/skills/mod-types.ts';
import { APP_VERSION } from '../app-version.ts';
import type { ApiBackend, JsonObject } from '../api/backend.ts';
import { createSkillCatalog } from '../skills/catalog/index.ts';
import type { PrincipalKind } from '../skills/rbac/roles.ts';
import type { SkillService } from '../skills/service.ts';
import { ASSISTANT_TOOLS } from './assistant-tools.ts';
import { watchCatalog } from './catalog-watch.ts';
import { listSkillResources, readSkillResource } from './skill-resources.ts';
import { skillTools, toolsFingerprint } from './skill-tools.ts';
import { internalAnswer, refusalAnswer, toCallToolResult, type ToolAnswer } from './tool-answer.ts';
import { MCP_TEXTS } from './texts.ts';

export interface McpHubOptions {
  service: SkillService;
  /** The REST API's backend over the same service: tools call exactly what the routes call. */
  backend: ApiBackend;
  /** How often changes made by another process (the app approving while `foundry mcp` runs) are looked for. */
  pollMs?: number;
  /** Unexpected failures; the client gets a bare "something failed". */
  onError?: (error: unknown) => void;
}

const PRINCIPAL: PrincipalKind = 'assistant';
const TRIGGER = 'mcp';
const DEFAULT_POLL_MS = 2000;

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function createMcpHub(options: McpHubOptions) {
  const { service, backend } = options;
  const onError = options.onError ?? ((error: unknown) => console.error('[foundry mcp]', error));
  const catalog = createSkillCatalog(service);
  const connected = new Set<Server>();
  const runnable = () => catalog.runnable(PRINCIPAL);

  const watch = watchCatalog({
    fingerprint: async () => toolsFingerprint(await runnable()),
    subscribe: (listener) => service.onSkillsChanged(listener),
    onChange: () => {
      for (const server of connected) {
        Promise.all([server.sendToolListChanged(), server.sendResourceListChanged()]).catch(onError);
      }
    },
    pollMs: options.pollMs ?? DEFAULT_POLL_MS,
    onError,
  });

  async function callTool(name: string, args: Record<string, unknown>): Promise<{ answer: ToolAnswer; shown?: unknown }> {
    const fixed = ASSISTANT_TOOLS.find((t) => t.name === name);
    if (fixed) {
      const refused = fixed.check(args);
      if (refused) throw refused;
      return { answer: await fixed.run(backend, PRINCIPAL, args) };
    }
    const target = skillTools(await runnable()).get(name);
    if (!target) throw new McpError(ErrorCode.InvalidParams, MCP_TEXTS.unknownTool(name)[service.locale()]);
    const { result } = await backend.execute(PRINCIPAL, target.skillSlug, target.action, args as JsonObject, TRIGGER);
    const refused = isActionRefusal(result);
    return {
      answer: { structured: isPlainObject(result) ? result : { result }, text: (refused ? MCP_TEXTS.actionRefused : MCP_TEXTS.ran)(name), ...(refused ? { isError: true } : {}) },
      shown: result,
    };
  }

  function createServer(): Server {
    const server = new Server(
      { name: 'skill-foundry', title: 'Skill Foundry', version: APP_VERSION },
      { capabilities: { tools: { listChanged: true }, resources: { listChanged: true } }, instructions: MCP_TEXTS.instructions[service.locale()] },
    );
    server.setRequestHandler(ListToolsRequestSchema, async () => {
      const locale = service.locale();
      const fixed = ASSISTANT_TOOLS.map((t): Tool => ({ name: t.name, description: t.description[locale], inputSchema: t.inputSchema as Tool['inputSchema'] }));
      return { tools: [...[...skillTools(await runnable()).values()].map((t) => t.tool), ...fixed] };
    });
    server.setRequestHandler(CallToolRequestSchema, async (request) => {
      const locale = service.locale();
      try {
        const { answer, shown } = await callTool(request.params.name, request.params.arguments ?? {});
        return toCallToolResult(answer, locale, shown);
      } catch (error) {
        if (error instanceof McpError) throw error;
        const refusal = refusalAnswer(error);
        if (!refusal) onError(error);
        return toCallToolResult(refusal ?? internalAnswer(), locale);
      }
    });
    server.setRequestHandler(ListResourcesRequestSchema, async () => ({ resources: listSkillResources(await runnable(), service.locale()) }));
    server.setRequestHandler(ReadResourceRequestSchema, async (request) => {
      const { uri } = request.params;
      const locale = service.locale();
      const found = readSkillResource(service, PRINCIPAL, await runnable(), uri, locale);
      // -32002: MCP's "resource not found".
      if (!found) throw new McpError(-32002, MCP_TEXTS.unknownResource(uri)[locale]);
      return { contents: [{ uri, ...found }] };
    });
    return server;
  }

  return {
    /** Serves one connection until it closes. */
    async connect(transport: Transport): Promise<Server> {
      const server = createServer();
      connected.add(server);
      server.onclose = () => connected.delete(server);
      await server.connect(transport);
      return server;
    },
    /** Resolves once pending change checks are done (for tests and orderly shutdown). */
    settled: () => watch.settled(),
    async close(): Promise<void> {
      watch.stop();
      await Promise.all([...connected].map((server) => server.close()));
    },
  };
}
export type McpHub = ReturnType<typeof createMcpHub>;
