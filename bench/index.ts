// `npm run bench [-- web|engine]`: the web benchmark, then the engine benchmark, whose JSON summary is
// the last line printed. Never part of `npm test`: timings on a shared 2-core machine are noisy.

import { runEngineBench } from './engine.js';
import { runWebBench } from './web.js';

const only = process.argv[2];
if (only !== undefined && only !== 'web' && only !== 'engine') {
  process.stderr.write('Usage: npm run bench [-- web|engine]\n');
  process.exit(2);
}
if (only !== 'engine') await runWebBench();
if (only !== 'web') await runEngineBench();
