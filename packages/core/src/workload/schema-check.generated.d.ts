// Types of schema-check.generated.js (generated from workload.schema.json by
// scripts/gen-workload-check.mjs).

export interface SchemaCheckError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

export declare const validate: ((data: unknown) => boolean) & { errors?: readonly SchemaCheckError[] | null };
export declare const schema: Readonly<Record<string, unknown>>;
