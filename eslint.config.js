// ESLint flat config: typescript-eslint's recommended rules, plus the house rule that only
// src/discord/ and commands/ may import discord.js.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'coverage/', 'bench-out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/discord/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'discord.js', message: 'Only src/discord/ and commands/ talk to Discord.' },
          ],
          patterns: [
            {
              group: ['@discordjs/*'],
              message: 'Only src/discord/ and commands/ talk to Discord.',
            },
          ],
        },
      ],
    },
  },
);
