// One install, two runtimes: `npm install` builds better-sqlite3 for Node,
// and the desktop app needs a build for Electron's ABI. This script makes
// that second build apart from the first, in a temporary copy of the
// package, and keeps only its .node file under native/electron/ with a
// stamp naming what it was built for. node_modules/better-sqlite3 is never
// touched, so tests and the command line keep working under Node.
//
//   node scripts/prepare-electron-native.mjs           build when needed
//   node scripts/prepare-electron-native.mjs --check   only say whether
//
// Exit codes: 0 ready, 2 Electron's binary missing, 3 network unreachable,
// 4 build failed, 5 a build is needed (--check only).
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const EXIT_READY = 0;
const EXIT_NO_ELECTRON = 2;
const EXIT_OFFLINE = 3;
const EXIT_BUILD_FAILED = 4;
const EXIT_NEEDS_BUILD = 5;

const ELECTRON_HEADERS = 'https://electronjs.org/headers';
// What a failed download leaves in the tools' output.
const NETWORK_FAILURE = new RegExp(
  [
    'ENOTFOUND',
    'EAI_AGAIN',
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'getaddrinfo',
    'socket hang up',
    'network is unreachable',
  ].join('|'),
  'i',
);

const say = (line) => console.log(`prepare-electron-native: ${line}`);
const complain = (line) => console.error(`prepare-electron-native: ${line}`);

function parseOptions(argv) {
  const options = {
    root: join(dirname(fileURLToPath(import.meta.url)), '..'),
    isCheckOnly: false,
  };
  for (const arg of argv) {
    if (arg === '--check') options.isCheckOnly = true;
    // Lets the tests point the script at a scratch project layout.
    else if (arg.startsWith('--root=')) {
      options.root = resolve(arg.slice('--root='.length));
    } else {
      complain(`unknown argument ${arg}`);
      process.exit(EXIT_BUILD_FAILED);
    }
  }
  return options;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** Where Electron's executable is, read the way the electron package does. */
function findElectron(root) {
  const packageDir = join(root, 'node_modules', 'electron');
  const version = readJson(join(packageDir, 'package.json'))?.version ?? null;
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8').trim()
    : null;
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  let binary = null;
  if (override) binary = join(override, relative ?? 'electron');
  else if (relative) binary = join(packageDir, 'dist', relative);
  return {
    version,
    binary: binary && existsSync(binary) ? binary : null,
  };
}

function explainMissingElectron(version) {
  const zip = `electron-v${version ?? '<version>'}-${process.platform}-${process.arch}.zip`;
  complain(
    [
      "Electron's binary was not downloaded, so the desktop app cannot start (node_modules/electron/path.txt or the executable it names is missing).",
      'To get it, do one of:',
      '  - run `npm install` again with network access (the electron package downloads its binary while installing);',
      '  - set ELECTRON_MIRROR to a mirror you can reach, then run `node node_modules/electron/install.js`;',
      `  - put ${zip} in Electron's download cache (the folder named by electron_config_cache, by default ~/.cache/electron on Linux), then run \`node node_modules/electron/install.js\`.`,
      'Meanwhile the workbench runs in the browser without Electron: `npm run serve`.',
    ].join('\n'),
  );
}

function bindingPaths(root) {
  const dir = join(root, 'native', 'electron');
  return {
    dir,
    binding: join(dir, 'better_sqlite3.node'),
    stamp: join(dir, 'better_sqlite3.stamp.json'),
  };
}

function wantedStamp(root, electronVersion) {
  const packageJson = join(
    root,
    'node_modules',
    'better-sqlite3',
    'package.json',
  );
  return {
    electron: electronVersion,
    betterSqlite3: readJson(packageJson)?.version ?? null,
    platform: process.platform,
    arch: process.arch,
  };
}

/** Why the kept build does not fit, or null when it does. */
function staleReason(paths, wanted) {
  if (!existsSync(paths.binding))
    return 'no Electron build of better-sqlite3 yet';
  const stamp = readJson(paths.stamp);
  if (!stamp) return 'the build has no readable stamp';
  for (const key of Object.keys(wanted)) {
    if (stamp[key] !== wanted[key]) {
      return `the build is for ${key} ${stamp[key] ?? 'unknown'}, not ${wanted[key]}`;
    }
  }
  return null;
}

function run(command, args, cwd, env) {
  const result = spawnSync(command, args, {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const failure = result.error ? `\n${result.error.message}` : '';
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${failure}`;
  return { isOk: result.status === 0, output };
}

function tail(output, lines = 30) {
  return output.trimEnd().split('\n').slice(-lines).join('\n');
}

function copyPackage(root, scratch) {
  const source = join(root, 'node_modules', 'better-sqlite3');
  const target = join(scratch, 'better-sqlite3');
  const ownBuild = join(source, 'build');
  cpSync(source, target, {
    recursive: true,
    // A linked package (pnpm, npm link) must be copied, not linked: the
    // build below writes into the copy.
    dereference: true,
    filter: (path) => path !== ownBuild && !path.startsWith(ownBuild + sep),
  });
  return target;
}

function tryPrebuilt(root, packageDir, version) {
  const bin = join(root, 'node_modules', 'prebuild-install', 'bin.js');
  if (!existsSync(bin))
    return { isOk: false, output: 'prebuild-install is not installed' };
  say(`fetching a prebuilt better-sqlite3 for Electron ${version}...`);
  return run(
    process.execPath,
    [
      bin,
      '--runtime',
      'electron',
      '--target',
      version,
      '--arch',
      process.arch,
      '--platform',
      process.platform,
    ],
    packageDir,
    {},
  );
}

/** node-gyp as npm bundles it, else the copy in the project's node_modules. */
function findNodeGyp(root) {
  const npmCli = process.env['npm_execpath'];
  const candidates = [
    npmCli
      ? join(
          dirname(npmCli),
          '..',
          'node_modules',
          'node-gyp',
          'bin',
          'node-gyp.js',
        )
      : null,
    join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
    join(
      dirname(process.execPath),
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
    join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return candidates.find((path) => path && existsSync(path)) ?? null;
}

function compile(root, packageDir, version) {
  const nodeGyp = findNodeGyp(root);
  if (!nodeGyp)
    return {
      isOk: false,
      output:
        'node-gyp was not found (neither bundled with npm nor in node_modules)',
    };
  say(
    `compiling better-sqlite3 for Electron ${version}; this takes a few minutes...`,
  );
  return run(
    process.execPath,
    [
      nodeGyp,
      'rebuild',
      '--release',
      `--target=${version}`,
      `--dist-url=${ELECTRON_HEADERS}`,
      '--runtime=electron',
      `--arch=${process.arch}`,
    ],
    packageDir,
    {
      npm_config_runtime: 'electron',
      npm_config_target: version,
      npm_config_disturl: ELECTRON_HEADERS,
      npm_config_arch: process.arch,
    },
  );
}

/** Loads the new build in Electron, run as plain Node, before keeping it. */
function verify(electronBinary, builtFile) {
  return run(
    electronBinary,
    ['-e', 'require(process.argv[process.argv.length - 1])', builtFile],
    dirname(builtFile),
    { ELECTRON_RUN_AS_NODE: '1' },
  );
}

function install(paths, builtFile, stamp) {
  mkdirSync(paths.dir, { recursive: true });
  // Copy beside the target, then rename: a reader never sees half a file,
  // and the stamp is written last so an interrupted install reads as stale.
  const partial = `${paths.binding}.partial`;
  copyFileSync(builtFile, partial);
  renameSync(partial, paths.binding);
  writeFileSync(
    `${paths.stamp}.partial`,
    `${JSON.stringify(stamp, null, 2)}\n`,
  );
  renameSync(`${paths.stamp}.partial`, paths.stamp);
}

function build(root, electron, wanted, paths) {
  const scratch = mkdtempSync(join(tmpdir(), 'revops-native-'));
  try {
    const packageDir = copyPackage(root, scratch);
    const builtFile = join(
      packageDir,
      'build',
      'Release',
      'better_sqlite3.node',
    );
    const prebuilt = tryPrebuilt(root, packageDir, electron.version);
    if (!prebuilt.isOk || !existsSync(builtFile)) {
      const compiled = compile(root, packageDir, electron.version);
      if (!compiled.isOk || !existsSync(builtFile)) {
        // Only the compile step decides: it can work offline from cached
        // headers even when the prebuilt download could not.
        if (NETWORK_FAILURE.test(compiled.output)) {
          complain(
            `the network is unreachable: neither a prebuilt better-sqlite3 nor Electron ${electron.version}'s headers (${ELECTRON_HEADERS}) could be downloaded. Nothing was changed. Connect to the network and run this again, or use browser mode meanwhile: \`npm run serve\`.`,
          );
          return EXIT_OFFLINE;
        }
        complain(
          `building better-sqlite3 for Electron failed; nothing was changed. The last lines of the build:\n${tail(compiled.output)}`,
        );
        complain(
          "Compiling needs Python 3 and a C++ tool chain (see node-gyp's README).",
        );
        return EXIT_BUILD_FAILED;
      }
    }
    const check = verify(electron.binary, builtFile);
    if (!check.isOk) {
      complain(
        `the new build does not load in Electron ${electron.version}; nothing was changed.\n${tail(check.output)}`,
      );
      return EXIT_BUILD_FAILED;
    }
    install(paths, builtFile, wanted);
    say(`ready: ${paths.binding} (Electron ${electron.version})`);
    return EXIT_READY;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function main() {
  const options = parseOptions(process.argv.slice(2));
  const electron = findElectron(options.root);
  if (!electron.binary) {
    explainMissingElectron(electron.version);
    return EXIT_NO_ELECTRON;
  }
  if (
    !existsSync(
      join(options.root, 'node_modules', 'better-sqlite3', 'package.json'),
    )
  ) {
    complain(
      'node_modules/better-sqlite3 is missing; run `npm install` first.',
    );
    return EXIT_BUILD_FAILED;
  }
  const paths = bindingPaths(options.root);
  const wanted = wantedStamp(options.root, electron.version);
  const reason = staleReason(paths, wanted);
  if (!reason) {
    say(`up to date for Electron ${electron.version}`);
    return EXIT_READY;
  }
  if (options.isCheckOnly) {
    say(`a build is needed: ${reason}`);
    return EXIT_NEEDS_BUILD;
  }
  say(`building: ${reason}`);
  return build(options.root, electron, wanted, paths);
}

process.exitCode = main();
