import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const features = ['overview', 'targets', 'scenarios', 'runs', 'live', 'mock-llm', 'auth', 'schedules', 'notifications', 'history', 'compare', 'agents'];

// The app composes features; a feature uses shared code and its own files, never another feature.
const featureBoundaries = features.map((feature) => ({
  files: [`src/features/${feature}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `^@/features/(?!${feature}/)`,
            message: 'Features must not import each other; move shared code to src/shared.',
          },
          {
            regex: '^(\\.\\./){2,}(?!shared/)',
            message: 'Import other parts of the app through "@/..." so the boundary rule can see them.',
          },
          { regex: '^@/app/', message: 'Features must not import the app layer.' },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['target', 'node_modules', 'dist'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^@/(features|app)/', message: 'Shared code must not depend on features or the app.' }] },
      ],
    },
  },
  ...featureBoundaries,
);
