// `npm run editor -- add <name>` creates an editor and prints a one-time setup link (valid one hour) with
// which they choose their password; `npm run editor -- reset <name>` prints a new link for an existing
// editor (the old password works until the link is used). There is no default password, ever.

import { STORE } from '../config.js';
import { InputError } from '../errors.js';
import { openSqliteStore, resolveDbPath, setupLink } from '../store/index.js';

const USAGE = `Usage: npm run editor -- add <name>     create an editor and print a one-time setup link
       npm run editor -- reset <name>   print a new one-time setup link for an existing editor`;

export async function run(args: string[]): Promise<number> {
  const [action, name, ...rest] = args;
  if (action === '--help' || action === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if ((action !== 'add' && action !== 'reset') || name === undefined || rest.length > 0) {
    const problem =
      action === undefined
        ? 'no action given'
        : action !== 'add' && action !== 'reset'
          ? `unknown action "${action}"`
          : name === undefined
            ? 'no editor name given'
            : 'too many arguments';
    process.stderr.write(`parallax editor: ${problem}.\n${USAGE}\n`);
    return 2;
  }
  const store = await openSqliteStore(resolveDbPath(process.env));
  try {
    const existing = await store.getEditor(name);
    if (action === 'add' && existing !== null) {
      process.stderr.write(
        `parallax editor: there is already an editor called "${name}"; to give them a new setup link run: npm run editor -- reset ${name}\n`,
      );
      return 1;
    }
    if (action === 'reset' && existing === null) {
      process.stderr.write(
        `parallax editor: there is no editor called "${name}"; to create one run: npm run editor -- add ${name}\n`,
      );
      return 1;
    }
    const token = await store.issueSetupToken(name, 'cli', STORE.setupTokenTtlMs);
    const minutes = Math.round(STORE.setupTokenTtlMs / 60_000);
    const what =
      action === 'add' ? `choose a password for the new editor "${name}"` : `set a new password for "${name}"`;
    process.stdout.write(
      `Open this link within ${minutes} minutes to ${what} (it works once):\n${setupLink(process.env, token)}\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    process.stderr.write(`parallax editor: ${error.message}\n`);
    return 1;
  } finally {
    await store.close();
  }
}
