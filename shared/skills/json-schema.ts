/** A JSON Schema document as carried in manifests and action definitions (validated with ajv in main). */
export type JsonSchema = { [key: string]: unknown };
