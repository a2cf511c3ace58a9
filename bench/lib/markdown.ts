/** Renders a bench report as the human-readable bench/results/<date>-choke-point.md. */
import { competing } from './cpu.ts';
import { SEAL_INTERVAL_MS } from './settings.ts';
import type { CpuUse, Measurement, Report, Target } from './types.ts';
import { round2 } from './util.ts';

export function verdict(t: Target): string {
  return t.met ? 'PASS' : 'MISS';
}

export function markdown(r: Report, dbUrlShown: string): string {
  const t = r.targets;
  const row = (name: string, m: Measurement) => `| ${name} | ${m.reqPerSec} | ${m.p50Ms} | ${m.p99Ms} | ${m.non2xx} |`;
  const cpuRow = (name: string, c: CpuUse | null) =>
    c
      ? `| ${name} | ${c.serverMsPerRequest} | ${c.postgresMsPerRequest} | ${c.loadGeneratorMsPerRequest} | ${c.cpuCeilingReqPerSec} | ${c.serverCores} | ${c.postgresCores} | ${c.loadGeneratorCores} | ${c.otherCores} | ${c.stealCores} |`
      : `| ${name} | – | – | – | – | – | – | – | – | – |`;
  const maxOther = round2(Math.max(0, ...r.rounds.map((x) => competing(x.cpu))));
  const lines = [
    `# Benchmark: the access choke point — ${r.date.slice(0, 10)}`,
    '',
    '## What this measures',
    '',
    'Request (a) is `GET /api/v1/children/:id`: an authenticated read of one child through the access choke point ' +
      '(`runScoped`): session lookup, then one transaction in the tenant that reads the child and its guardians under the ' +
      'access rule and inserts an audit row before committing. Request (b) is `GET /api/bench/bare/children/:id`: the same ' +
      'session check and the same SQL reads in a tenant transaction, but with no access rule and no audit row (registered ' +
      'only with `BENCH_BARE_ROUTE=true`). The ratio a/b is therefore what the rule check and the audit write cost on this ' +
      `machine, including the audit sealer that runs inside the server every ${SEAL_INTERVAL_MS} ms.`,
    '',
    '## Results',
    '',
    `autocannon, ${r.connections} connections, ${r.warmupSeconds} s warm-up per route, then a→b→a→b, ` +
      `${r.durationSeconds} s per run, ${r.roundsPerSide} runs per route; the table shows the mean of the runs.`,
    '',
    '| route | req/s | p50 (ms) | p99 (ms) | non-2xx |',
    '| --- | ---: | ---: | ---: | ---: |',
    row('(a) choke point `/api/v1/children/:id`', r.a),
    row('(b) bare `/api/bench/bare/children/:id`', r.b),
    '',
    `Ratio a/b (req/s): **${r.ratio}**`,
    '',
    '### Targets',
    '',
    '| target | required | measured | result |',
    '| --- | ---: | ---: | --- |',
    `| (a) throughput | ≥ ${t.aReqPerSec.target} req/s | ${t.aReqPerSec.value} req/s | ${verdict(t.aReqPerSec)} |`,
    `| (a) p99 latency | < ${t.aP99Ms.target} ms | ${t.aP99Ms.value} ms | ${verdict(t.aP99Ms)} |`,
    `| ratio a/b | ≥ ${t.ratio.target} | ${t.ratio.value} | ${verdict(t.ratio)} |`,
    '',
    ...(r.contended
      ? [
          `> **Contended run.** Other programs on the machine (and hypervisor steal) used up to ${maxOther} of ${r.machine.cpuCount} cores during ` +
            'the runs (see "other" below), so req/s and latency are lower than the machine can do. The CPU cost per request ' +
            'changes much less; compare that (and the CPU ceiling), or rerun on a quiet machine.',
          '',
        ]
      : []),
    '### CPU per request',
    '',
    'Measured from /proc (Linux) over each run; cores = CPU time ÷ wall time, so 1.0 is one core busy for the whole run. ' +
      '"postgres" counts the local PostgreSQL processes serving the bench database plus its WAL writer, checkpointer and ' +
      'background writer; "autocannon" is the bench process itself. "CPU ceiling" = cores ÷ (server + postgres + ' +
      'autocannon ms per request): roughly the req/s this machine could reach with nothing else running, ignoring waits.',
    '',
    '| route | server ms/req | postgres ms/req | autocannon ms/req | CPU ceiling (req/s) | server cores | postgres cores | autocannon cores | other programs (cores) | steal (cores) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    cpuRow('(a) choke point', r.cpu.a),
    cpuRow('(b) bare', r.cpu.b),
    '',
    '### Individual runs',
    '',
    '| order | route | req/s | p50 (ms) | p99 (ms) | requests | non-2xx | server ms/req | postgres ms/req | other programs + steal (cores) |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.rounds.map(
      (x, i) =>
        `| ${i + 1} | (${x.side}) | ${x.reqPerSec} | ${x.p50Ms} | ${x.p99Ms} | ${x.requests} | ${x.non2xx} | ` +
        `${x.cpu?.serverMsPerRequest ?? '–'} | ${x.cpu?.postgresMsPerRequest ?? '–'} | ${x.cpu ? competing(x.cpu) : '–'} |`,
    ),
    '',
    `Audit check: ${r.audit.readRowsWritten} child-read audit rows were written for ${r.audit.aRequests} (a) requests that autocannon ` +
      `saw complete (warm-up and verification included; requests still in flight when autocannon stops a run are completed and ` +
      `audited by the server, up to ${r.audit.inFlightAllowance} in all) — ${r.audit.consistent ? 'consistent' : '**INCONSISTENT**'}. ` +
      `${r.audit.sealedRows} of ${r.audit.totalAuditRows} audit rows were sealed into the chain when the runs ended.`,
    '',
    '## Machine',
    '',
    `- Date: ${r.date}`,
    `- CPU: ${r.machine.cpuModel} × ${r.machine.cpuCount}`,
    `- Memory: ${r.machine.totalMemoryGiB} GiB`,
    `- OS: ${r.machine.os}`,
    `- Node: ${r.machine.node}`,
    `- Load average (1/5/15 min) at start: ${r.machine.loadAverageAtStart.join(' / ')}; at end: ${r.machine.loadAverageAtEnd.join(' / ')}`,
    `- PostgreSQL: ${r.postgres}`,
    `- PostgreSQL settings: ${Object.entries(r.postgresSettings)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}`,
    `- Database: ${dbUrlShown} (created for the run and dropped afterwards)`,
    `- Server: \`node --import tsx packages/server/src/main.ts\`, DATABASE_POOL_SIZE=16, LOG_LEVEL=warn, audit sealer every ${SEAL_INTERVAL_MS} ms (AUDIT_SEAL_INTERVAL_MS)`,
    '',
    `Load generator, server and PostgreSQL share the same ${r.machine.cpuCount} CPU cores, so the numbers are a ` +
      'lower bound for a server with its own cores and a relative measure between (a) and (b) more than an absolute one.',
    '',
  ];
  return lines.join('\n');
}
