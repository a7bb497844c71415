// The server, the CLI and the benchmark run the TypeScript through tsx, which compiles it with esbuild's
// keepNames: a function given a name inside another function is wrapped in `__name(fn, "name")`, a
// defineProperty run every time the outer function runs. On the comparison's hot paths that cost ~5% of a
// whole comparison of the seed pair (measured with the renaming made a no-op). Ingest and engine therefore
// define their named functions at module level (or as class methods); closures passed inline stay anonymous.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** What tsx makes of a module: esbuild with keepNames, as tsx configures it. */
function asTsxRunsIt(source: string): string {
  return transformSync(source, { loader: 'ts', format: 'esm', keepNames: true, target: 'node20' }).code;
}

/**
 * The functions renamed inside another function's body: esbuild indents a function's body, so a `__name(`
 * call on an indented line runs each time its enclosing function does. A class's `static { __name(this) }`
 * runs once, where the class is defined.
 */
function renamedPerCall(compiled: string): string[] {
  const found: string[] = [];
  for (const line of compiled.split('\n')) {
    if (!/^\s/.test(line) || line.includes('__name(this,')) continue;
    // `const twice = /* @__PURE__ */ __name((x) => …` or, for a function declaration, `__name(thrice, "thrice")`.
    for (const match of line.matchAll(/(\w+)\s*[:=]\s*(?:\/\*[^*]*\*\/\s*)?__name\(|__name\((\w+),/g)) {
      found.push(match[1] ?? match[2] ?? '');
    }
  }
  return found;
}

describe('functions renamed at run time', () => {
  it('are found in a named closure or inner function, and not in module-level ones or inline callbacks', () => {
    const compiled = asTsxRunsIt(`
      export function outer(xs: number[]): number {
        const twice = (x: number): number => x * 2;
        function thrice(x: number): number { return x * 3; }
        const table = {
          get: (x: number): number => {
            return twice(x) + thrice(x);
          },
        };
        return xs.map((x) => table.get(x)).reduce((a, b) => a + b, 0);
      }
      export const top = (x: number): number => x;
      export class Box { value = 1; get(): number { return this.value; } }
    `);
    expect(renamedPerCall(compiled).sort()).toEqual(['get', 'thrice', 'twice']);
  });

  for (const dir of ['ingest', 'engine']) {
    const files = readdirSync(join(SRC, dir)).filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
    it(`are none in src/${dir} (${files.length} modules)`, () => {
      const renamed = files.flatMap((file) =>
        renamedPerCall(asTsxRunsIt(readFileSync(join(SRC, dir, file), 'utf8'))).map((name) => `${file}: ${name}`),
      );
      expect(renamed).toEqual([]);
    });
  }
});
