import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { FlatCompat } from '@eslint/eslintrc'

const compat = new FlatCompat({ baseDirectory: dirname(fileURLToPath(import.meta.url)) })

const config = [
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      '.next-*/**',
      'out/**',
      'out-subpath/**',
      'site/**',
      'public/**',
      'contracts/out/**',
      'contracts/cache/**',
      'lib/chain/abi/**',
      'bench/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
  ...compat.extends('next/core-web-vitals', 'next/typescript'),
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Playwright's fixture functions are not React hooks, though they take a `use` argument.
      'react-hooks/rules-of-hooks': 'off',
    },
  },
  {
    files: ['scripts/**', 'tests/**', '*.config.*'],
    rules: { '@next/next/no-html-link-for-pages': 'off' },
  },
  {
    // CommonJS on purpose: forge executes it as a plain program (scripts/solc-js.cjs).
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
]

export default config
