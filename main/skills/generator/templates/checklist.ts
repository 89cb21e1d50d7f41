// Checklist: items added, checked off and listed; an item is named by its text.
import type { SkillNeed } from '../../../../shared/skills/need.ts';
import { expr, getActionsMethod, lit, textExpr, readTenantRows } from './code.ts';
import type { SkillNames } from './naming.ts';
import { localiseActions, paramsSchema, textParam, type SkillTemplate } from './template.ts';

const TEXT = {
  pl: {
    open: (s: string) => `Do zrobienia: ${s}`,
    openMessage: 'Zostało {count}: {items}',
    allDone: (s: string) => `Wszystko odhaczone: ${s}`,
    allDoneMessage: 'Zrobione: {count}',
    noItem: 'Podaj nazwę pozycji',
    duplicate: 'Ta pozycja już jest na liście',
    notFound: 'Nie ma na liście otwartej pozycji o tej nazwie',
    unknownAction: 'Nieznana akcja',
  },
  en: {
    open: (s: string) => `To do: ${s}`,
    openMessage: '{count} left: {items}',
    allDone: (s: string) => `All checked off: ${s}`,
    allDoneMessage: 'Done: {count}',
    noItem: 'Say which item',
    duplicate: 'That item is already on the list',
    notFound: 'There is no open item with that name',
    unknownAction: 'Unknown action',
  },
};

export function checklistTemplate(need: SkillNeed, names: SkillNames): SkillTemplate {
  const text = TEXT[need.language];
  const table = lit(names.table);
  const failed = (result: string) => `return { success: false, error: String(${result}.error.message ?? ${result}.error) };`;

  const actions = [
    {
      slug: 'add_item',
      name: { pl: 'Dodaj pozycję', en: 'Add an item' },
      description: { pl: `Dodaj pozycję do listy: ${need.subject}`, en: `Add an item to the ${names.subjectWords} list` },
      params_schema: paramsSchema({ item: textParam(200) }, ['item']),
    },
    {
      slug: 'check_item',
      name: { pl: 'Odhacz pozycję', en: 'Check off an item' },
      description: { pl: 'Oznacz pozycję jako zrobioną', en: 'Mark an item as done' },
      params_schema: paramsSchema({ item: textParam(200) }, ['item']),
    },
    {
      slug: 'list_items',
      name: { pl: 'Pokaż listę', en: 'Show the list' },
      description: { pl: 'Pokaż otwarte i zrobione pozycje', en: 'Show the open and the done items' },
      params_schema: paramsSchema({}),
    },
  ];

  const code = `export class ${names.className} implements IModExecutor {
  readonly slug = ${lit(names.slug)};

  async getData(tenant_id: string) {
    ${readTenantRows(names.table, { column: 'created_at', ascending: true }, 500)}
    const items = data ?? [];
    return { open: items.filter((i) => !i.done), done: items.filter((i) => i.done) };
  }

  async getInsights(tenant_id: string) {
    const d = await this.getData(tenant_id);
    if (d.open.length > 0) {
      const items = d.open.slice(0, 3).map((i) => String(i.item)).join(", ");
      return [{ type: "info", title: ${lit(text.open(need.subject))}, message: ${textExpr(text.openMessage, { count: expr('d.open.length'), items: expr('items') })} }];
    }
    if (d.done.length > 0) {
      return [{ type: "success", title: ${lit(text.allDone(need.subject))}, message: ${textExpr(text.allDoneMessage, { count: expr('d.done.length') })} }];
    }
    return [];
  }

  async executeAction(tenant_id: string, action: string, params: Record<string, unknown>) {
    if (action === "list_items") return { success: true, data: await this.getData(tenant_id) };
    const item = typeof params.item === "string" ? params.item.trim() : "";
    if (!item) return { success: false, error: ${lit(text.noItem)} };
    const found = await supabase
      .from(${table})
      .select("*")
      .eq("tenant_id", tenant_id)
      .eq("item", item)
      .eq("done", false)
      .limit(1);
    if (found.error) ${failed('found')}
    const isOpen = (found.data ?? []).length > 0;
    if (action === "add_item") {
      if (isOpen) return { success: false, error: ${lit(text.duplicate)} };
      const row = { tenant_id, item, done: false, created_at: foundry.now(), done_at: null };
      const added = await supabase.from(${table}).insert(row);
      if (added.error) ${failed('added')}
      return { success: true, data: row };
    }
    if (action === "check_item") {
      if (!isOpen) return { success: false, error: ${lit(text.notFound)} };
      const checked = await supabase
        .from(${table})
        .update({ done: true, done_at: foundry.now() })
        .eq("tenant_id", tenant_id)
        .eq("item", item)
        .eq("done", false);
      if (checked.error) ${failed('checked')}
      return { success: true, data: { item, done: true } };
    }
    return { success: false, error: ${lit(text.unknownAction)} };
  }

${getActionsMethod(localiseActions(actions, need.language))}
}
`;

  return {
    code,
    actions,
    capabilities: { reads: [names.table], writes: [names.table], http: [], notifications: false, skills: [] },
    sampleInputs: [
      { method: 'executeAction', action: 'add_item', params: { item: need.subject } },
      { method: 'executeAction', action: 'list_items', params: {} },
      { method: 'getInsights' },
      { method: 'executeAction', action: 'check_item', params: { item: need.subject } },
      { method: 'getData' },
    ],
    summary: {
      en: `Keeps a ${names.subjectWords} checklist: add items, check them off, list what is left.`,
      pl: `Lista do odhaczania: ${need.subject} — dodawanie, odhaczanie i przegląd pozycji.`,
    },
    whenToUse: `Use when the owner adds something to the ${names.subjectWords} list, says an item is done, or asks what is left.`,
    columns: ['tenant_id', 'item', 'done', 'created_at', 'done_at'],
    insights: ['info with the number of open items and the first three', 'success when every item is checked off'],
  };
}
