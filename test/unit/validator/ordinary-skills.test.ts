import { describe, expect, it } from 'vitest';
import { auditSkill } from '../../../main/skills/validator/index.ts';
import { hostileSkill } from '../../fixtures/hostile-skills.ts';
import { ORDINARY_SKILLS } from '../../fixtures/skills.ts';

describe('ordinary skills pass', () => {
  it.each(ORDINARY_SKILLS.map((skill) => [skill.id, skill] as const))('%s passes with no findings', (_id, skill) => {
    const report = auditSkill(skill.source, { manifest: skill.manifest });
    expect(report.findings).toEqual([]);
    expect(report.verdict).toBe('pass');
  });

  it('discloses what each ordinary skill touches', () => {
    const byId = Object.fromEntries(ORDINARY_SKILLS.map((s) => [s.id, auditSkill(s.source).capabilities]));
    expect(byId['reminders']).toMatchObject({ reads: ['exo_reminders'], writes: ['exo_reminders'], notifications: true });
    expect(byId['weather']).toMatchObject({ http: ['api.open-meteo.com'], skills: ['custom-water-tracker'], reads: [] });
  });

  // Everyday code a generated skill may contain; none of it may be mistaken for an evasion.
  it.each([
    ['local computed access', `const counts: Record<string, number> = {};\n    const key = String(tenant_id);\n    counts[key] = (counts[key] ?? 0) + 1;`],
    ['nested computed writes', `const grid: Record<string, Record<string, number>> = {};\n    const [day, habit] = ['mon', 'run'];\n    grid[day] ??= {};\n    grid[day][habit] = 1;`],
    ['lookup tables and dispatch', `const labels = { low: 'Niski', high: 'Wysoki' };\n    const level = tenant_id.length > 3 ? 'high' : 'low';\n    const handlers: Record<string, () => number> = { a: () => 1 };\n    handlers[level]?.();\n    foundry.log(labels[level]);`],
    ['Math, JSON, Date, Array methods', `const xs = [3, 1, 2].map((n) => n * 2).filter((n) => n > 2).sort((a, b) => a - b);\n    const at = new Date(Date.now()).toISOString();\n    foundry.log(JSON.stringify({ max: Math.max(...xs), at, total: xs.reduce((s, n) => s + n, 0) }));`],
    ['template strings and for…of with destructuring', `const rows = [{ name: 'a', n: 1 }];\n    for (const { name, n } of rows) foundry.log(\`\${name}: \${n}\`);\n    for (const [k, v] of Object.entries({ a: 1 })) foundry.log(k + v);`],
    ['a loop that breaks', `let i = 0;\n    while (true) {\n      i++;\n      if (i > 3) break;\n    }`],
    ['a labelled break out of nested endless loops', `outer: for (;;) {\n      while (true) {\n        break outer;\n      }\n    }`],
    ['safe regexes and small allocations', `const ok = /^\\d+(\\.\\d+)?$/.test('1.5') && /(ab)*c/.test('c');\n    const pad = '-'.repeat(20) + new Array(7).fill(0).length + Array.from({ length: 7 }, (_, i) => i).length;\n    foundry.log(String(ok) + pad);`],
    ['classes, getters and this inside methods', `const box = { value: 1, get double() { return this.value * 2; } };\n    foundry.log(String(box.double + this.slug.length));`],
    ['built-ins used the everyday way', `const xs = ['1', '2'].map(Number).filter(Boolean);\n    const { floor, max } = Math;\n    const limits = [Math.PI, Number.MAX_SAFE_INTEGER, floor(max(...xs))];\n    class NotFound extends Error {}\n    foundry.log(String(limits.length + new NotFound('x').message.length));`],
    ['indexing by arithmetic, weekday and local enum', `const days = ['nd', 'pn', 'wt'];\n    enum Level { Low, High }\n    const last = days[days.length - 1];\n    const today = days[new Date().getDay() % days.length];\n    foundry.log(last + today + Level[Level.High]);`],
    ['defaults that use outer values', `const fallback = 7;\n    const span = (days = fallback, unit = 'd') => \`\${days}\${unit}\`;\n    foundry.log(span());`],
    ['Promise.all over query chains', `const [a, b] = await Promise.all([supabase.from('exo_probe').select('*'), supabase.from('exo_probe').select('id').limit(1)]);\n    foundry.log(String(a.data ?? b.data));`],
  ])('%s passes', (_label, snippet) => {
    const report = auditSkill(hostileSkill({ getData: snippet }));
    expect(report.findings).toEqual([]);
  });
});
