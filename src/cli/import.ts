// `npm run import -- <dir>`: loads a folder laid out like corpus/ (story folders with a story.json, or one
// story folder) into the database at PARALLAX_DB, and reports what it added. Running it twice adds nothing;
// a changed file becomes a new version.

import { NotFoundError } from '../errors.js';
import { openSqliteStore, resolveDbPath, seedFromCorpus } from '../store/index.js';

const USAGE = 'Usage: npm run import -- <dir>   (a folder laid out like corpus/: <story>/story.json + raw files)';

export async function run(args: string[]): Promise<number> {
  const [dir, ...rest] = args;
  if (dir === undefined || dir === '--help' || dir === '-h' || rest.length > 0) {
    process.stderr.write(`${dir === undefined ? 'parallax import: no folder given.\n' : ''}${USAGE}\n`);
    return dir === '--help' || dir === '-h' ? 0 : 2;
  }
  const dbPath = resolveDbPath(process.env);
  const store = await openSqliteStore(dbPath);
  try {
    const report = await seedFromCorpus(store, dir, {
      actor: 'import',
      log: (line) => process.stdout.write(`${line}\n`),
    });
    const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
    process.stdout.write(
      `Imported ${dir} into ${dbPath}: added ${plural(report.storiesAdded, 'story', 'stories')}, ` +
        `${plural(report.articlesAdded, 'article')}, ${plural(report.versionsAdded, 'version')}; ` +
        `${plural(report.unchanged, 'file')} unchanged.\n`,
    );
    if (report.problems.length > 0) {
      process.stderr.write(
        `parallax import: ${plural(report.problems.length, 'problem')}, those files were not imported:\n`,
      );
      for (const problem of report.problems) process.stderr.write(`  ${problem}\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    process.stderr.write(`parallax import: ${error.message}\n${USAGE}\n`);
    return 1;
  } finally {
    await store.close();
  }
}
