import { readFile, writeFile } from 'node:fs/promises';

/**
 * Replaces the section between `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->` in the
 * benchmarks page with the latest results, so the page always shows what `npm run bench` measured.
 */
export async function recordResults(path: string, name: string, results: unknown): Promise<void> {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const page = await readFile(path, 'utf8');
  const from = page.indexOf(start);
  const to = page.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${path} has no ${start} … ${end} section`);
  const block = `${start}\n\`\`\`json\n${JSON.stringify(results, null, 2)}\n\`\`\`\n`;
  await writeFile(path, page.slice(0, from) + block + page.slice(to));
}
