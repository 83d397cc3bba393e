/**
 * The bundled CLI as one whole process, with its peak memory: runs `vanban <args>` through the bundle's
 * entry (dist/bundle/main.js, what `vanban` runs) and prints one JSON line { exitCode, peakRssMb }.
 * Usage: node dist/bench/run-cli.js <vanban arguments…>
 */
const { run } = (await import(new URL("../bundle/main.js", import.meta.url).href)) as { run: (argv: string[]) => Promise<number> };
const exitCode = await run(process.argv.slice(2));
process.stdout.write(`\n${JSON.stringify({ exitCode, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
process.exit(exitCode);
