// Price watch: `check_price` reads the price on one page (or JSON API) through foundry.http, keeps
// each reading, and notifies the owner once when the price drops under the threshold.
//
// The page's origin (scheme, host, port) is written literally in the code, so the audit can name
// it and the owner approves exactly that site; the settings may move the watch to another page
// of the same site, never to another site (that takes a new version and a new approval).
// "Drops under" is a crossing: a notification goes out when a reading is under the threshold and
// the previous reading of the same page was not, so checking again and again sends one, not many.
import { MAX_PRESENTATION_UNIT } from '../../../../shared/skills/presentation.ts';
import type { HttpSample, SampleInput } from '../../../../shared/skills/candidate.ts';
import { httpCapabilityOf } from '../../../../shared/skills/http-capability.ts';
import type { JsonSchema } from '../../../../shared/skills/json-schema.ts';
import type { SkillNeed } from '../../../../shared/skills/need.ts';
import { GeneratorError } from '../generator-error.ts';
import { expr, getActionsMethod, lit, readTenantRows, textExpr } from './code.ts';
import type { SkillNames } from './naming.ts';
import { localiseActions, paramsSchema, type SkillTemplate } from './template.ts';

/** A shop page may answer slowly; the request must also fit in the execution (config.yaml's cap is 30 s by default). */
const CHECK_TIMEOUT_MS = 15_000;
/** Readings getData returns: enough for a short history, bounded however long the watch runs. */
const RECENT_READINGS = 50;
/** A JSON path of plain keys or indexes joined by dots (`price`, `offers.0.price`), or empty. */
const FIELD_PATTERN = '^([A-Za-z0-9_$-]+([.][A-Za-z0-9_$-]+)*)?$';

// The first amount written next to a currency; the number part is short, so matching stays linear.
const PRICE_IN_TEXT = String.raw`/([$€£])\s?(\d[\d.,\s]{0,14})|(\d[\d.,\s]{0,14}?)\s?(zł|zl|pln|€|eur|usd|gbp)(?![a-z])/i`;

const TEXT = {
  pl: {
    urlTitle: 'Adres strony z ceną',
    urlHelp: (origin: string) => `Strona albo API, z którego odczytywana jest cena. Musi zostać w ${origin} — inna witryna wymaga nowej wersji i Twojej zgody.`,
    thresholdTitle: 'Powiadom poniżej ceny',
    thresholdHelp: 'Powiadomienie przychodzi raz, gdy cena spadnie poniżej tej kwoty.',
    fieldTitle: 'Pole z ceną (JSON)',
    fieldHelp: 'Gdzie w odpowiedzi JSON jest cena, np. price albo offers.0.price. Puste: pierwsza kwota z walutą w treści strony.',
    dropTitle: (subject: string) => `Cena spadła: ${subject}`,
    dropMessage: 'Teraz {price}{unit}, poniżej {threshold}{unit}',
    belowTitle: (subject: string) => `Cena poniżej progu: ${subject}`,
    lastTitle: (subject: string) => `Ostatnia cena: ${subject}`,
    lastMessage: '{price}{unit}, najniższa {lowest}{unit}',
    otherSite: (origin: string) => `Adres w ustawieniach nie prowadzi do ${origin}; ten skill może sprawdzać tylko tę witrynę`,
    unreachable: 'Nie udało się pobrać strony: ',
    badStatus: 'Strona odpowiedziała kodem ',
    noPrice: 'Nie znaleziono ceny na stronie',
    noField: 'Nie znaleziono ceny w polu ',
    unknownAction: 'Nieznana akcja',
  },
  en: {
    urlTitle: 'Address of the price page',
    urlHelp: (origin: string) => `The page or API the price is read from. It must stay on ${origin}: another site takes a new version and your approval.`,
    thresholdTitle: 'Notify below',
    thresholdHelp: 'One notification arrives when the price drops under this amount.',
    fieldTitle: 'Price field (JSON)',
    fieldHelp: 'Where the price is in a JSON answer, e.g. price or offers.0.price. Empty: the first amount with a currency in the page text.',
    dropTitle: (subject: string) => `Price drop: ${subject}`,
    dropMessage: 'Now {price}{unit}, under {threshold}{unit}',
    belowTitle: (subject: string) => `Price under your threshold: ${subject}`,
    lastTitle: (subject: string) => `Last price: ${subject}`,
    lastMessage: '{price}{unit}, lowest {lowest}{unit}',
    otherSite: (origin: string) => `The address in the settings is not on ${origin}; this skill may only check that site`,
    unreachable: 'Could not fetch the page: ',
    badStatus: 'The page answered with status ',
    noPrice: 'No price found on the page',
    noField: 'No price found in the field ',
    unknownAction: 'Unknown action',
  },
};

/** `text` as a pattern that matches it literally (the settings' address must start with the origin). */
function literalPattern(text: string): string {
  return text.replace(/[.*+?^$()|[\]{}\\]/g, '\\$&');
}

/** How a sample page writes an amount in the watched currency, so the dry run reads it as a real page would. */
function pageAmount(amount: number, currency: string | null, language: SkillNeed['language']): string {
  const fixed = amount.toFixed(2);
  const comma = fixed.replace('.', ',');
  switch (currency ?? (language === 'pl' ? 'zł' : 'USD')) {
    case 'zł':
      return `${comma} zł`;
    case 'EUR':
      return `${comma} €`;
    case 'GBP':
      return `£${fixed}`;
    case 'USD':
      return `$${fixed}`;
    default:
      return `${fixed} ${currency}`;
  }
}

function samplePage(url: string, amount: number, currency: string | null, language: SkillNeed['language']): HttpSample[] {
  const body = `<!doctype html><html><body><h1>Product</h1><p class="price">${pageAmount(amount, currency, language)}</p></body></html>`;
  return [{ method: 'GET', url, status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body }];
}

export function priceWatchTemplate(need: SkillNeed, names: SkillNames): SkillTemplate {
  const watch = need.priceWatch;
  const page = watch && URL.canParse(watch.url) ? new URL(watch.url) : null;
  const capability = page && httpCapabilityOf(page);
  if (!watch || !page || !capability)
    throw new GeneratorError('generator/invalid-need', {
      en: 'A price watch needs the address of the page and the price to wait for.',
      pl: 'Obserwowanie ceny wymaga adresu strony i ceny, na którą trzeba czekać.',
    });
  const text = TEXT[need.language];
  // The literal prefix of every request: scheme, host and port, then the path from the settings.
  const origin = `${page.protocol}//${page.host}/`;
  // "80 USD", "80 zł": a currency is always written apart from the amount.
  const suffix = need.unit ? ` ${need.unit}` : '';
  const table = lit(names.table);
  const failed = (reason: string) => `return { success: false, error: ${reason} };`;

  const configSchema: JsonSchema = {
    type: 'object',
    required: ['url', 'threshold'],
    properties: {
      url: { type: 'string', title: text.urlTitle, description: text.urlHelp(origin), maxLength: 2000, pattern: `^${literalPattern(origin)}`, default: page.href },
      threshold: { type: 'number', title: text.thresholdTitle, description: text.thresholdHelp, exclusiveMinimum: 0, default: watch.below },
      field: { type: 'string', title: text.fieldTitle, description: text.fieldHelp, maxLength: 300, pattern: FIELD_PATTERN, default: '' },
    },
    additionalProperties: false,
  };

  const actions = [
    {
      slug: 'check_price',
      name: { pl: 'Sprawdź cenę', en: 'Check the price' },
      description: {
        pl: `Odczytaj cenę (${need.subject}) ze strony, zapisz ją i powiadom, gdy spadnie poniżej progu`,
        en: `Read the price of ${names.subjectWords} from the page, keep it, and notify when it drops under the threshold`,
      },
      params_schema: paramsSchema({}),
      timeoutMs: CHECK_TIMEOUT_MS,
    },
  ];

  const code = `export class ${names.className} implements IModExecutor {
  readonly slug = ${lit(names.slug)};

  async getData(tenant_id: string) {
    const { url, threshold } = this.settings();
    ${readTenantRows(names.table, { column: 'checked_at', ascending: false }, RECENT_READINGS, ['.eq("url", url)'])}
    const lowest = await supabase
      .from(${table})
      .select("*")
      .eq("tenant_id", tenant_id)
      .eq("url", url)
      .order("price", { ascending: true })
      .limit(1);
    if (lowest.error) throw new Error("Could not read ${names.table}: " + String(lowest.error.message ?? lowest.error));
    const recent = data ?? [];
    const last = recent[0] ?? null;
    return {
      url,
      threshold,
      currency: ${lit(need.unit)},
      last,
      lowest: (lowest.data ?? [])[0] ?? null,
      below: last !== null && Number(last.price) < threshold,
      recent,
    };
  }

  async getInsights(tenant_id: string) {
    const d = await this.getData(tenant_id);
    if (d.last === null) return [];
    if (d.below) {
      return [{ type: "success", title: ${lit(text.belowTitle(need.subject))}, message: ${textExpr(text.dropMessage, { price: expr('d.last.price'), threshold: expr('d.threshold'), unit: suffix })} }];
    }
    return [{ type: "info", title: ${lit(text.lastTitle(need.subject))}, message: ${textExpr(text.lastMessage, { price: expr('d.last.price'), lowest: expr('d.lowest.price'), unit: suffix })} }];
  }

  async executeAction(tenant_id: string, action: string, params: Record<string, unknown>) {
    if (action !== "check_price") ${failed(lit(text.unknownAction))}
    const { url, threshold, field } = this.settings();
    if (!url.startsWith(${lit(origin)})) ${failed(lit(text.otherSite(origin)))}
    let response;
    try {
      // The site is written out (the owner approved it); the settings choose only the page on it.
      response = await foundry.http.get(${lit(origin)} + url.slice(${origin.length}), { headers: { accept: "application/json, text/html;q=0.9, */*;q=0.8" } });
    } catch (error) {
      ${failed(`${lit(text.unreachable)} + String(error.message ?? error)`)}
    }
    if (!response.ok) ${failed(`${lit(text.badStatus)} + response.status`)}
    const price = field ? this.priceInJson(response, field) : this.priceInText(response.body);
    if (price === null) ${failed(`field ? ${lit(text.noField)} + field : ${lit(text.noPrice)}`)}

    const previous = await supabase
      .from(${table})
      .select("*")
      .eq("tenant_id", tenant_id)
      .eq("url", url)
      .order("checked_at", { ascending: false })
      .limit(1);
    if (previous.error) ${failed('String(previous.error.message ?? previous.error)')}
    const before = (previous.data ?? [])[0];
    const dropped = price < threshold && (before === undefined || Number(before.price) >= threshold);
    const reading = { tenant_id, url, price, checked_at: foundry.now(), notified: dropped };
    const { error } = await supabase.from(${table}).insert(reading);
    if (error) ${failed('String(error.message ?? error)')}
    if (dropped) {
      await foundry.notify(${lit(text.dropTitle(need.subject))}, ${textExpr(text.dropMessage, { price: expr('price'), threshold: expr('threshold'), unit: suffix })});
    }
    return { success: true, data: { price, threshold, below: price < threshold, notified: dropped } };
  }

  /** The owner's settings (defaults already applied by the sandbox). */
  private settings() {
    const config = foundry.config;
    return { url: String(config.url), threshold: Number(config.threshold), field: typeof config.field === "string" ? config.field : "" };
  }

  /** The number at a dotted path (\`offers.0.price\`) of a JSON answer: own keys only, a number or a numeric text. */
  private priceInJson(response: { json(): unknown }, field: string) {
    let value: unknown;
    try {
      value = response.json();
    } catch {
      return null;
    }
    for (const key of field.split(".")) {
      if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return null;
      value = (value as Record<string, unknown>)[key];
    }
    if (typeof value === "number") return Number.isFinite(value) && value > 0 ? value : null;
    return typeof value === "string" ? this.toPrice(value) : null;
  }

  /** The first amount written with a currency: "129,99 zł", "$1,299.00", "€ 49". */
  private priceInText(body: string) {
    const found = ${PRICE_IN_TEXT}.exec(body);
    return found ? this.toPrice(found[2] ?? found[3] ?? "") : null;
  }

  /** "1 299,99" and "1,299.99" alike: the last separator followed by one or two digits is the decimal point. */
  private toPrice(raw: string) {
    const compact = raw.replace(/\\s/g, "").replace(/[.,]+$/, "");
    const cut = Math.max(compact.lastIndexOf(","), compact.lastIndexOf("."));
    const decimal = cut >= 0 && compact.length - cut - 1 <= 2;
    const whole = (decimal ? compact.slice(0, cut) : compact).replace(/[.,]/g, "");
    const value = Number(decimal ? whole + "." + compact.slice(cut + 1) : whole);
    return Number.isFinite(value) && value > 0 ? value : null;
  }

${getActionsMethod(localiseActions(actions, need.language))}
}
`;

  const above = Math.round(watch.below * 125) / 100;
  const under = Math.round(watch.below * 80) / 100;
  const check = (amount: number): SampleInput => ({
    method: 'executeAction',
    action: 'check_price',
    params: {},
    http: samplePage(page.href, amount, need.unit, need.language),
  });
  return {
    code,
    actions,
    configSchema,
    // Each reading of the price; the day's last one is the day's price.
    presentation: { series: { key: 'recent', time: 'checked_at', value: 'price', per_day: 'last' }, ...(need.unit && need.unit.length <= MAX_PRESENTATION_UNIT ? { unit: need.unit } : {}) },
    capabilities: { reads: [names.table], writes: [names.table], http: [capability], notifications: true, skills: [] },
    sampleInputs: [check(above), check(under), { method: 'getData' }, { method: 'getInsights' }],
    summary: {
      en: `Checks the price of ${names.subjectWords} at ${page.host} and notifies the owner once when it drops under ${watch.below}${suffix}.`,
      pl: `Sprawdza cenę (${need.subject}) w ${page.host} i powiadamia raz, gdy spadnie poniżej ${watch.below}${suffix}.`,
    },
    whenToUse: `Use when the owner asks about the price of ${names.subjectWords} or wants it checked now; run check_price on a schedule (e.g. every hour) to be told when it drops.`,
    columns: ['tenant_id', 'url', 'price', 'checked_at', 'notified'],
    insights: ['success while the last price is under the threshold', 'info with the last and the lowest price otherwise'],
    settings: [
      `\`url\`: the page or API the price is read from (default ${page.href}); it must stay on ${origin}`,
      `\`threshold\`: notify when the price drops under it (default ${watch.below}${suffix})`,
      '`field`: where the price is in a JSON answer (`price`, `offers.0.price`); empty reads the first amount with a currency in the text',
    ],
  };
}
