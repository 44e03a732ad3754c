import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: ['.next/**', 'node_modules/**', '.lake/**', 'sanity/dist/**', 'dist/**', 'test-results/**', 'playwright-report/**', 'sanity.types.ts', 'next-env.d.ts'],
  },
]

export default config
