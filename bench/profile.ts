/**
 * Summarizes a V8 CPU profile (`npm run bench -- --cpu-prof DIR` writes Roster's): the functions with
 * the most self time, and self time by where the code lives (Roster's src, each package, Node itself).
 * Usage: node --import tsx bench/profile.ts FILE.cpuprofile [TOP]
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export function origin(url: string): string {
  if (url === '') return '(native: syscalls such as writev, GC)';
  if (url.startsWith('node:')) return 'node internals';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const own = /\/(dist|src)\/([^/]+)\//.exec(url);
  return own ? `roster ${own[2]}` : url;
}

export function summarize(profile: Profile, top = 25): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, index) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  // Idle time is the server waiting (for PostgreSQL, or between runs): percentages are of busy time.
  const idle = new Set(profile.nodes.filter((node) => ['(idle)', '(program)'].includes(node.callFrame.functionName)).map((node) => node.id));
  for (const id of idle) selfUs.delete(id);
  const total = [...selfUs.values()].reduce((sum, us) => sum + us, 0);
  const frames = new Map<string, number>();
  const origins = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const short = url.replace(/^file:\/\/.*?\/(node_modules|dist|src)\//, '$1/');
    const frame = `${functionName || '(anonymous)'} ${short ? `${short}:${lineNumber + 1}` : ''}`.trim();
    frames.set(frame, (frames.get(frame) ?? 0) + us);
    origins.set(origin(url), (origins.get(origin(url)) ?? 0) + us);
  }
  const percent = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
  const rows = (map: Map<string, number>, count: number) =>
    [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, count).map(([name, us]) => `${percent(us)}  ${name}`);
  return [
    `${(total / 1e6).toFixed(1)} s busy (idle time left out; percentages are of busy time)`,
    '',
    'self time by origin:',
    ...rows(origins, 15),
    '',
    `top ${top} functions by self time:`,
    ...rows(frames, top),
  ].join('\n');
}

if (process.argv[1] && import.meta.filename === fs.realpathSync(process.argv[1])) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node --import tsx bench/profile.ts FILE.cpuprofile [TOP]');
    process.exit(2);
  }
  console.log(summarize(JSON.parse(fs.readFileSync(file, 'utf8')) as Profile, Number(top ?? 25)));
}
