// The executable schema: schema.graphql (the source of truth) with the resolvers.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SCHEMA_PATH = fileURLToPath(new URL('../schema.graphql', import.meta.url));

export function typeDefs(): string {
  return readFileSync(SCHEMA_PATH, 'utf8');
}
