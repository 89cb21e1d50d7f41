// The actions a manifest declares (issue 12 §1–2): the policy every action may carry and the
// fields of the declarative ones. The threat is a skill whose manifest says one thing in the
// disclosure and does another at run time, or that asks callers for a permission nobody can hold
// (so the owner believes an action is guarded when it is not). Contract, and why each limit exists:
// - slugs are snake_case and unique, as getActions() slugs are: a caller names exactly one action;
// - `type` is one of ACTION_TYPES; nothing else has a meaning the engine could enforce;
// - `permissions` are known RBAC permissions (a typo would be a guard that never applies);
// - `timeoutMs` lies in the sandbox's range (config.yaml's ceiling still applies at run time);
// - `requireApproval` is true or false; no other field is accepted (a misspelt policy field would
//   silently not apply);
// - a `code` entry names an action getActions() lists (a warning when that list cannot be read);
//   a declarative one must not share its slug with a code action;
// - declarative actions have a name, a description and a params_schema that compiles as config
//   schemas do, and every `{{params.x}}` they use is a property of that schema;
// - an http action's URL names its host literally, and that origin is one of capabilities.http
//   (written as foundry.http's capabilities are); placeholders sit only in the path, the query,
//   header values and the body; its `{{secret:NAME}}` placeholders follow the secret rules the code
//   is held to; and what is left is checked by the guard's own request check;
// - at most MAX_ACTIONS: each is a line in the disclosure.
// - `labels`, on any type, is a name and a description in both languages, each one line of at most
//   MAX_LABEL_NAME / MAX_LABEL_DESCRIPTION characters: the name is quoted inside a disclosure line
//   and a line break there could forge a line of its own.
// - a shell action's program is a bare name or an absolute path (it is resolved and pinned at
//   approval); `{{params.x}}` is only ever a whole argument after it (never inside one, never the
//   program: a value must not become two arguments or choose what runs); its params are declared;
//   its cwd is relative without `..` (the run re-checks it inside the owner's folder); each env
//   name is a setting or secret of the skill and never one the loader reads (LD_PRELOAD would run
//   code nobody pinned).
// `function` specs are checked for their shape only; their meaning is checked where they are run.
import path from 'node:path';
import type { Localized } from '../../../shared/i18n-types.ts';
import { ACTION_TYPES, type HttpActionSpec, type ShellActionSpec } from '../../../shared/skills/actions.ts';
import { argvParams, argvTemplateProblem } from '../actions/shell/index.ts';
import { httpCapabilityOf, secretPlaceholders } from '../../../shared/skills/http-capability.ts';
import type { SkillManifest } from '../../../shared/skills/manifest.ts';
import { fillHttpTemplate, misplacedPlaceholder, paramPlaceholders, splitUrlTemplate, templateTexts, TemplateRefusal } from '../actions/index.ts';
import { DEFAULT_HTTP_LIMITS } from '../http/index.ts';
import { HttpRefusal } from '../http/refusal.ts';
import { checkRequest, HTTP_METHODS } from '../http/request-check.ts';
import { isPermission, PERMISSIONS } from '../rbac/permissions.ts';
import { isWithinRange, limitRange } from '../sandbox/limits.ts';
import { isActionSlug } from './conformance.ts';
import { isLocalizedLine } from './localized-line.ts';
import type { FindingSink, Where } from './findings.ts';
import type { SecretHosts } from './manifest-secrets.ts';
import { catastrophicPatterns, schemaProblem } from './schema-check.ts';

const MAX_ACTIONS = 32;
const POLICY_FIELDS = ['slug', 'type', 'permissions', 'timeoutMs', 'requireApproval', 'labels'];
const MAX_LABEL_NAME = 80;
const MAX_LABEL_DESCRIPTION = 300;
const DESCRIPTION_FIELDS = ['name', 'description', 'params_schema'];

/** What the actions use, so the rest of the audit counts it as used. */
export interface ActionUse {
  http: Set<string>;
  secrets: Set<string>;
}

type Entry = Record<string, unknown>;

function isObject(value: unknown): value is Entry {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const isTextList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
const problem = (en: string, pl: string): Localized => ({ en, pl });


function labelsProblem(labels: unknown): Localized | null {
  if (isObject(labels) && isLocalizedLine(labels.name, MAX_LABEL_NAME) && isLocalizedLine(labels.description, MAX_LABEL_DESCRIPTION) && Object.keys(labels).length === 2) return null;
  return problem(
    `“labels” must be { name: { en, pl }, description: { en, pl } }: one line each, a name of at most ${MAX_LABEL_NAME} characters, a description of at most ${MAX_LABEL_DESCRIPTION}.`,
    `„labels” musi mieć postać { name: { en, pl }, description: { en, pl } }: po jednym wierszu, nazwa najwyżej ${MAX_LABEL_NAME} znaków, opis najwyżej ${MAX_LABEL_DESCRIPTION}.`,
  );
}

/** Why an entry's shape is wrong (fields, types), or null; what the values mean is checked after. */
function shapeProblem(entry: unknown): Localized | null {
  if (!isObject(entry)) return problem('it must be an object with a “slug”.', 'musi być obiektem z polem „slug”.');
  if (!isActionSlug(entry.slug)) return problem('“slug” must be snake_case (e.g. post_summary), at most 64 characters.', '„slug” musi być w formacie snake_case (np. post_summary), najwyżej 64 znaki.');
  const type = entry.type ?? 'code';
  if (!(ACTION_TYPES as readonly unknown[]).includes(type)) {
    return problem(`“type” must be one of ${ACTION_TYPES.join(', ')}.`, `„type” musi mieć jedną z wartości ${ACTION_TYPES.join(', ')}.`);
  }
  const allowed = new Set(type === 'code' ? POLICY_FIELDS : [...POLICY_FIELDS, ...DESCRIPTION_FIELDS, type as string]);
  const unknown = Object.keys(entry).find((key) => !allowed.has(key));
  if (unknown !== undefined) {
    const key = unknown.slice(0, 40);
    return problem(`“${key}” is not a field of a ${String(type)} action (${[...allowed].join(', ')}).`, `„${key}” nie jest polem akcji typu ${String(type)} (${[...allowed].join(', ')}).`);
  }
  if (entry.permissions !== undefined && !isTextList(entry.permissions)) return problem('“permissions” must be a list of permission names.', '„permissions” musi być listą nazw uprawnień.');
  if (entry.requireApproval !== undefined && typeof entry.requireApproval !== 'boolean') return problem('“requireApproval” must be true or false.', '„requireApproval” musi mieć wartość true albo false.');
  if (entry.labels !== undefined) {
    const labels = labelsProblem(entry.labels);
    if (labels) return labels;
  }
  if (type === 'code') return null;
  if (!isText(entry.name) || !isText(entry.description) || entry.params_schema === undefined) {
    return problem('an action without code needs non-empty “name” and “description” and a “params_schema”.', 'akcja bez kodu musi mieć niepuste „name” i „description” oraz „params_schema”.');
  }
  return specProblem(type as string, entry[type as string]);
}

function specProblem(type: string, spec: unknown): Localized | null {
  if (!isObject(spec)) return problem(`“${type}” must be an object describing what the action does.`, `„${type}” musi być obiektem opisującym, co robi akcja.`);
  if (type === 'http') {
    if (typeof spec.method !== 'string' || typeof spec.url !== 'string') return problem('“http” needs a “method” and a “url”.', '„http” musi mieć „method” i „url”.');
    if (spec.headers !== undefined && !(isObject(spec.headers) && Object.values(spec.headers).every((value) => typeof value === 'string'))) {
      return problem('“http.headers” must be an object of names and text values.', '„http.headers” musi być obiektem nazw i wartości tekstowych.');
    }
    return null;
  }
  if (type === 'function') {
    if (!isText(spec.skill) || !isText(spec.action)) return problem('“function” needs the “skill” and the “action” it runs.', '„function” musi wskazywać „skill” i „action”, które uruchamia.');
    return spec.params === undefined || isObject(spec.params) ? null : problem('“function.params” must be an object.', '„function.params” musi być obiektem.');
  }
  const { command, cwd, env } = spec;
  if (!isTextList(command) || command.length === 0) return problem('“shell.command” must be a non-empty list of texts (argv, no shell).', '„shell.command” musi być niepustą listą tekstów (argv, bez powłoki).');
  if (cwd !== undefined && typeof cwd !== 'string') return problem('“shell.cwd” must be text.', '„shell.cwd” musi być tekstem.');
  return env === undefined || isTextList(env) ? null : problem('“shell.env” must be a list of variable names.', '„shell.env” musi być listą nazw zmiennych.');
}

function declaredParams(schema: unknown): Set<string> {
  return new Set(isObject(schema) && isObject(schema.properties) ? Object.keys(schema.properties) : []);
}

function checkHttp(slug: string, spec: HttpActionSpec, params: Set<string>, http: ReadonlySet<string>, secrets: SecretHosts, at: Where, sink: FindingSink, use: ActionUse): void {
  const method = spec.method.toUpperCase();
  let clean = true;
  if (!(HTTP_METHODS as readonly string[]).includes(method)) {
    sink.add('action/http-method', at, slug, spec.method.slice(0, 20), HTTP_METHODS.join(', '));
    clean = false;
  }
  const origin = splitUrlTemplate(spec.url)?.origin;
  const parsed = origin === undefined ? null : URL.parse(origin);
  const capability = parsed && httpCapabilityOf(parsed);
  if (!capability || misplacedPlaceholder(spec.url) !== null) {
    sink.add('action/http-url', at, slug);
    return;
  }
  use.http.add(capability);
  if (!http.has(capability)) {
    sink.add('action/http-host-undeclared', at, slug, capability);
    clean = false;
  }
  const texts = templateTexts(spec);
  const used = [...new Set(texts.flatMap(paramPlaceholders))];
  for (const name of used) {
    if (params.has(name)) continue;
    sink.add('action/undeclared-param', at, slug, name);
    clean = false;
  }
  for (const name of secretPlaceholders(texts.join('\n'))) {
    use.secrets.add(name);
    const hosts = secrets.get(name);
    if (!hosts) sink.add('secret/undeclared', at, name);
    else if (!hosts.includes(capability)) sink.add('secret/wrong-host', at, name, capability, hosts.join(', '));
    clean &&= hosts?.includes(capability) === true;
  }
  if (!clean) return;
  // What is left (headers the engine owns, a body on a GET, sizes) is the guard's own check, run on
  // the request as it would be sent with every param filled.
  try {
    const probe = fillHttpTemplate(spec, Object.fromEntries(used.map((name) => [name, 'x'])));
    checkRequest(probe, { origins: [...http], secretHosts: secrets, limits: DEFAULT_HTTP_LIMITS });
  } catch (error) {
    if (!(error instanceof HttpRefusal) && !(error instanceof TemplateRefusal)) throw error;
    sink.add('action/http-refused', at, slug, error.message);
  }
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const LOADER_VARIABLE = /^(?:LD_|DYLD_)/i;

function checkShell(slug: string, spec: ShellActionSpec, params: Set<string>, settingNames: ReadonlySet<string>, at: Where, sink: FindingSink): void {
  const program = spec.command[0]!;
  const placement = argvTemplateProblem(spec.command);
  if (placement) sink.add('action/shell-placeholder', at, slug, placement.index);
  else if (!(path.isAbsolute(program) || (program !== '' && !program.includes('/') && program !== '.' && program !== '..'))) sink.add('action/shell-program', at, slug, program.slice(0, 120));
  for (const name of argvParams(spec.command)) if (!params.has(name)) sink.add('action/undeclared-param', at, slug, name);
  if (spec.cwd !== undefined && (path.isAbsolute(spec.cwd) || spec.cwd.split(/[\\/]/).includes('..'))) sink.add('action/shell-cwd', at, slug, spec.cwd.slice(0, 120));
  for (const name of spec.env ?? []) {
    if (!ENV_NAME.test(name) || LOADER_VARIABLE.test(name) || !settingNames.has(name)) sink.add('action/shell-env', at, slug, name.slice(0, 64));
  }
}

/**
 * Checks `manifest.actions` against the contract above. `http` is the set of well-formed HTTP
 * capabilities, `secrets` the declared secrets' hosts, `codeActions` what getActions() lists (null
 * when it cannot be read statically). Returns what the actions use.
 */
export function checkManifestActions(
  manifest: SkillManifest,
  context: { http: ReadonlySet<string>; secrets: SecretHosts; codeActions: readonly string[] | null },
  anchor: Where,
  sink: FindingSink,
): ActionUse {
  const use: ActionUse = { http: new Set(), secrets: new Set() };
  const entries: unknown[] = manifest.actions ?? [];
  if (entries.length > MAX_ACTIONS) sink.add('action/too-many', anchor, entries.length, MAX_ACTIONS);
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const shape = shapeProblem(entry);
    if (shape) {
      sink.add('action/invalid', anchor, index + 1, shape);
      return;
    }
    const action = entry as Entry & { slug: string };
    const { slug } = action;
    if (seen.has(slug)) sink.add('action/duplicate', anchor, slug);
    seen.add(slug);
    for (const permission of (action.permissions as string[] | undefined) ?? []) {
      if (!isPermission(permission)) sink.add('action/unknown-permission', anchor, slug, permission.slice(0, 60), PERMISSIONS.join(', '));
    }
    if (action.timeoutMs !== undefined && !isWithinRange('timeoutMs', action.timeoutMs)) sink.add('action/bad-timeout', anchor, slug, ...limitRange('timeoutMs'));
    const type = (action.type as string | undefined) ?? 'code';
    const listedByCode = context.codeActions?.includes(slug) ?? null;
    if (type === 'code') {
      if (listedByCode === false) sink.add('action/code-missing', anchor, slug);
      if (listedByCode === null) sink.add('action/code-unverified', anchor, slug);
      return;
    }
    if (listedByCode === true) sink.add('action/clashes-with-code', anchor, slug);
    const problemWithSchema = schemaProblem(action.params_schema);
    if (problemWithSchema) sink.add('schema/invalid-params-schema', anchor, slug, problemWithSchema);
    for (const pattern of catastrophicPatterns(action.params_schema)) sink.add('schema/redos-pattern', anchor, pattern);
    if (type === 'shell') {
      const settingNames = new Set([...declaredParams(manifest.config_schema), ...context.secrets.keys()]);
      checkShell(slug, action.shell as ShellActionSpec, declaredParams(action.params_schema), settingNames, anchor, sink);
    }
    if (type === 'http') checkHttp(slug, action.http as HttpActionSpec, declaredParams(action.params_schema), context.http, context.secrets, anchor, sink, use);
  });
  return use;
}
