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
    // The layers (README, "Architecture"): the lake is a Sanity imitation and imports nothing of
    // Envoy's; the portal reads content through the Sanity client only, never the lake's code;
    // editorial rules are shared by the Studio, the portal and the lake plugin.
    rules: {
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './lake',
              from: ['./app', './components', './lib', './sanity', './editorial', './scripts'],
              message: 'The lake knows nothing of Envoy: what is Envoy’s goes in a lake plugin (lake/plugin.ts, editorial/lake).',
            },
            {
              target: ['./app', './components', './lib'],
              from: ['./lake', './editorial/lake'],
              message: 'The portal reads content through @sanity/client, never the lake’s code.',
            },
            {
              target: './sanity',
              from: ['./lake', './editorial/lake'],
              message: 'The Studio talks to the lake over HTTP; shared rules live in editorial/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Circles among the server-side modules (a module half-initialised when its circle comes
    // back to it). Limited to these folders: following every import of the React trees is
    // slow, and their imports run one way (components import lib, never the reverse).
    files: ['lake/**/*.ts', 'lib/**/*.ts', 'editorial/**/*.ts'],
    rules: {
      'import/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    ignores: ['.next/**', '.next-*/**', 'node_modules/**', '.lake/**', 'sanity/dist/**', 'dist/**', 'test-results/**', 'playwright-report/**', 'sanity.types.ts', 'next-env.d.ts'],
  },
]

export default config
