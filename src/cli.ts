// The command-line entry: `tsx src/cli.ts <command> [args…]`. Each command lives in src/cli/<command>.ts
// and exports `run(args)`, which resolves to the process exit code. Loading commands lazily keeps
// `ingest` from paying for the store's native module, and `compare --json` free of any banner.

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<{ run: Command }>> = {
  ingest: () => import('./cli/ingest.js'),
  'eval-ingest': () => import('./cli/eval-ingest.js'),
  compare: () => import('./cli/compare.js'),
  'gold-check': () => import('./cli/gold-check.js'),
  eval: () => import('./cli/eval.js'),
  import: () => import('./cli/import.js'),
  editor: () => import('./cli/editor.js'),
};

const USAGE = `Usage: npm run <command> -- [args]
  ingest <file>... [--json] [--outlet NAME] [--date YYYY-MM-DD]   clean and segment raw articles
  eval:ingest <dir>                                               ingest every file under a folder, report removals
  compare <left> <right> [--json]                                 compare two files or two corpus article ids
  eval [--only ingest|engine|html] [--check-floor]                  score ingest and engine against test/gold
  gold:check [FILE...]                                            check gold files against the raw texts
  import <dir>                                                    import a folder laid out like corpus/
  editor add <name> | editor reset <name>                         one-time setup link for an editor`;

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const load = name === undefined ? undefined : COMMANDS[name];
  if (load === undefined) {
    process.stderr.write(`${name === undefined ? 'No command given.' : `Unknown command "${name}".`}\n${USAGE}\n`);
    return 2;
  }
  const command = await load();
  return command.run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`parallax: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 70;
  },
);
