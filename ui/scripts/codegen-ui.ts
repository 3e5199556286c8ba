// Regenerates only ui/src/generated/graphql.ts (the UI operations' types and TypedDocumentNodes)
// with the project's codegen (scripts/codegen.ts), without rewriting the API's generated files.
// `npm run codegen` writes both; this is for a UI developer editing ui/src/**/*.graphql.
// Usage: npx tsx ui/scripts/codegen-ui.ts
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { generate } from '../../scripts/codegen.js';

for (const [file, content] of await generate()) {
  if (!file.endsWith('ui/src/generated/graphql.ts')) continue;
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content);
  process.stderr.write(`wrote ${relative(process.cwd(), file)}\n`);
}
