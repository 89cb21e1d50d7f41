// Schema v12: which skill asked for an execution (`custom-caller@v1.2.0`, foundry.skills.call or a
// `function` action); null when a person, the assistant or a schedule did. Existing rows stay null.
export const executionCallers = {
  version: 12,
  name: 'execution-callers',
  sql: `
ALTER TABLE executions ADD COLUMN triggered_by TEXT CHECK (triggered_by IS NULL OR length(triggered_by) <= 200);
`,
} as const;
