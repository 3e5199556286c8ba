import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Files matching `files` may not import (statically or dynamically) from the top-level folders `banned`. */
function layer(files, banned) {
  const group = banned.flatMap((dir) => [`**/${dir}/**`, `../${dir}/*`, `../../${dir}/*`, `../../../${dir}/*`]);
  const message = `the layers are model/ ← ingest/, db/ ← scripts/: ${files.replace('/**', '/')} may not import ${banned.map((d) => `${d}/`).join(', ')}`;
  const dynamic = banned.map((dir) => ({
    selector: `ImportExpression[source.value=/(^|\\/)${dir}\\//]`,
    message,
  }));
  return [
    {
      files: [files],
      rules: {
        'no-restricted-imports': ['error', { patterns: [{ group, message }] }],
        'no-restricted-syntax': ['error', ...dynamic],
      },
    },
  ];
}

export default tseslint.config(
  {
    ignores: ['node_modules/**', '.cache/**', '**/dist/**', '.data/**', 'db/launcher/target/**', '**/generated/**', 'bench/corpus/**', 'bench/results/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Layers: model/ is the bottom (graph labels, relationship types, ids, text normal form);
  // ingest/ and db/ build on it and never import each other. Composition roots (scripts/, the
  // tests under test/) may import both. Dynamic import() is covered too, so a lazy import cannot
  // slip past the rule.
  ...layer('model/**', ['ingest', 'db', 'api', 'ui', 'scripts']),
  ...layer('ingest/**', ['db', 'api', 'ui', 'scripts']),
  ...layer('db/**', ['ingest', 'api', 'ui', 'scripts']),
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
);
