// `npm run bench [-- user|web|engine]`: what users wait for, the web benchmark, then the engine benchmark, whose
// JSON summary is the last line printed. Never part of `npm test`: timings on a shared 2-core machine are noisy.

import { runEngineBench } from './engine.js';
import { runUserBench } from './user.js';
import { runWebBench } from './web.js';

const only = process.argv[2];
if (only !== undefined && only !== 'user' && only !== 'web' && only !== 'engine') {
  process.stderr.write('Usage: npm run bench [-- user|web|engine]\n');
  process.exit(2);
}
if (only === undefined || only === 'user') await runUserBench();
if (only === undefined || only === 'web') await runWebBench();
if (only === undefined || only === 'engine') await runEngineBench();
