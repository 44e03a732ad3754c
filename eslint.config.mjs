import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // `const { _rev, ...rest } = doc` drops a field on purpose; the underscore says so.
      '@typescript-eslint/no-unused-vars': ['warn', { varsIgnorePattern: '^_', argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    ignores: ['.next/**', '.next-*/**', 'node_modules/**', '.lake/**', 'sanity/dist/**', 'dist/**', 'test-results/**', 'playwright-report/**', 'sanity.types.ts', 'next-env.d.ts'],
  },
]

export default config
