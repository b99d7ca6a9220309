// Lint rules, and the folder boundaries of the architecture: shared/ runs
// anywhere, the renderer never reaches the engine, and only the Electron
// shell imports Electron.
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = {
  paths: builtinModules.map((name) => ({
    name,
    message: 'Node built-ins are not available here.',
  })),
  patterns: [
    { regex: '^node:', message: 'Node built-ins are not available here.' },
  ],
};

function electronImports(message) {
  return {
    paths: [{ name: 'electron', message }],
    patterns: [{ regex: '^electron/', message }],
  };
}

const ELECTRON = electronImports(
  'Only the Electron shell (electron/main.ts, electron/preload.ts, electron/shell/) imports electron.',
);

/** A relative import that climbs into one of the named top folders. */
function intoFolders(folders, message) {
  return {
    regex: `^(\\.{1,2}/)+(${folders.join('|')})(/|$)`,
    message,
  };
}

function restrictImports(...groups) {
  return [
    'error',
    {
      paths: groups.flatMap((group) => group.paths ?? []),
      patterns: groups.flatMap((group) => group.patterns ?? []),
    },
  ];
}

export default defineConfig([
  globalIgnores([
    'dist/',
    'release/',
    'native/',
    'node_modules/',
    'test-results/',
    'coverage/',
    '.ci-try/',
  ]),
  tseslint.configs.recommended,
  {
    rules: {
      'no-console': 'error',
      'no-debugger': 'error',
      'no-var': 'error',
      'prefer-const': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Printing is the job of build scripts and the reason tests explain skips.
    files: ['scripts/**', 'tests/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['electron/**', 'scripts/**', 'tests/**', 'bin/**', '*.{js,ts,mjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    ...reactHooks.configs.flat.recommended,
    files: ['renderer/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': restrictImports(NODE_BUILTINS, ELECTRON, {
        patterns: [
          intoFolders(
            ['electron', 'renderer'],
            'shared/ runs everywhere: it imports nothing from electron/ or renderer/.',
          ),
        ],
      }),
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage'].map((name) => ({
          name,
          message: 'shared/ runs everywhere, without a DOM.',
        })),
        ...['process', 'Buffer', 'require', '__dirname', '__filename'].map(
          (name) => ({
            name,
            message: 'shared/ runs everywhere, without Node.',
          }),
        ),
      ],
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': restrictImports(NODE_BUILTINS, ELECTRON, {
        patterns: [
          intoFolders(
            ['electron'],
            'The page reaches the engine only through the contract in shared/.',
          ),
        ],
      }),
    },
  },
  {
    files: ['electron/**'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/shell/**'],
    rules: {
      'no-restricted-imports': restrictImports(ELECTRON, {
        patterns: [
          intoFolders(['renderer'], 'The engine never imports the page.'),
        ],
      }),
    },
  },
  {
    // The shell's pure parts are tested under plain Node, where importing
    // electron would try to download its binary.
    files: [
      'electron/shell/bridgeInvoke.ts',
      'electron/shell/csp.ts',
      'electron/shell/handlers.ts',
      'electron/shell/menuCommands.ts',
      'electron/shell/menuModel.ts',
      'electron/shell/messages.ts',
      'electron/shell/paths.ts',
      'electron/shell/senderCheck.ts',
      'electron/shell/startup.ts',
      'electron/shell/webPolicy.ts',
    ],
    rules: {
      'no-restricted-imports': restrictImports(
        electronImports(
          'This module is kept free of electron so unit tests run it under Node; put Electron calls in window.ts, session.ts, dialogs.ts, menu.ts or ipc.ts.',
        ),
        {
          patterns: [
            intoFolders(['renderer'], 'The shell never imports the page.'),
          ],
        },
      ),
    },
  },
]);
