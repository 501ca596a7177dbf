import { DnsRecordTopology, DnsStrategy, RegionTopology, Topology } from './topology';

/**
 * Draws a {@link Topology} as a standalone SVG: DNS records on the left, one box per region on the
 * right, a line from every record target to the region serving it (colour = strategy, dashed =
 * a later failover group). Deterministic: fixed layout computed from the text (monospace, fixed
 * character width), no ids, no randomness, no clock; every text is XML-escaped and cut to its box
 * (the full text is kept as a tooltip).
 */

const FONT = "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace";
const CHAR_WIDTH = 7.3; // 12px monospace, slightly generous
const LINE = 16;
const PAD = 10;
const GAP = 14;
const MARGIN = 20;
const DNS_WIDTH = 460;
const REGION_WIDTH = 420;
const CHANNEL = 150;
const TOP = 64;

const COLOURS: Readonly<Record<DnsStrategy, string>> = {
  'active-active': '#2e7d32',
  failover: '#e65100',
  weighted: '#1565c0',
  geo: '#6a1b9a',
  single: '#455a64',
  static: '#455a64',
  random: '#00838f',
  lua: '#757575',
};

const STRATEGY_TEXT: Readonly<Record<DnsStrategy, string>> = {
  'active-active': 'active-active: every healthy region answers',
  failover: 'failover: first group with a healthy region (dashed: standby groups)',
  weighted: 'weighted: random by weight, not health-checked',
  geo: 'geo: closest healthy region',
  single: 'single: plain record, one region',
  static: 'static: plain record',
  random: 'random pick',
  lua: 'other LUA',
};

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

interface TextLine {
  readonly text: string;
  readonly bold?: boolean;
  readonly colour?: string;
}

export function renderTopologySvg(topology: Topology, title: string): string {
  const out: string[] = [];
  const dns = topology.dns;
  const regionX = dns ? MARGIN + DNS_WIDTH + CHANNEL : MARGIN;
  const width = regionX + REGION_WIDTH + MARGIN;

  // Right column: regions, then addresses no region claims.
  const regionBoxes = new Map<string, Box>();
  let y = TOP;
  const regionParts: string[] = [];
  // Regions that DNS records point at come first (shorter lines), each group in stack order.
  const targeted = new Set(dns?.records.flatMap((r) => r.targets.map((t) => t.region)) ?? []);
  const regions = [...topology.regions.filter((r) => targeted.has(r.stack)), ...topology.regions.filter((r) => !targeted.has(r.stack))];
  for (const region of regions) {
    const lines = regionLines(region);
    const box = { x: regionX, y, width: REGION_WIDTH, height: boxHeight(lines.length) };
    regionBoxes.set(region.stack, box);
    regionParts.push(drawBox(box, lines, '#f5f7fa', '#90a4ae'));
    y += box.height + GAP;
  }
  const unmatched = dns ? [...new Set(dns.records.flatMap((r) => r.targets.filter((t) => !t.region).map((t) => t.address)))] : [];
  let externalBox: Box | undefined;
  if (unmatched.length > 0) {
    const lines: TextLine[] = [{ text: 'addresses outside these stacks', bold: true }, ...unmatched.map((address) => ({ text: address }))];
    externalBox = { x: regionX, y, width: REGION_WIDTH, height: boxHeight(lines.length) };
    regionParts.push(drawBox(externalBox, lines, '#fff8e1', '#ffb300'));
    y += externalBox.height + GAP;
  }
  let bottom = y;

  // Left column: the zone, then one box per record; edges from each target line.
  const edges: { from: [number, number]; to: string; colour: string; dashed: boolean; width: number }[] = [];
  const dnsParts: string[] = [];
  if (dns) {
    let dy = TOP;
    const zoneLines: TextLine[] = [
      { text: `DNS: stack ${dns.stack} (PowerDNS)`, bold: true },
      { text: `zone ${dns.zones.join(', ') || '?'}` },
      ...(dns.nameservers.length > 0 ? [{ text: `NS ${dns.nameservers.join(', ')}` }] : []),
    ];
    const zoneBox = { x: MARGIN, y: dy, width: DNS_WIDTH, height: boxHeight(zoneLines.length) };
    dnsParts.push(drawBox(zoneBox, zoneLines, '#eceff1', '#607d8b'));
    dy += zoneBox.height + GAP;
    for (const record of dns.records) {
      const lines = recordLines(record);
      const box = { x: MARGIN, y: dy, width: DNS_WIDTH, height: boxHeight(lines.length) };
      dnsParts.push(drawBox(box, lines, '#ffffff', COLOURS[record.strategy]));
      const firstTarget = lines.length - record.targets.length;
      const maxWeight = Math.max(1, ...record.targets.map((t) => t.weight ?? 0));
      record.targets.forEach((target, index) => {
        edges.push({
          from: [box.x + box.width, lineMiddle(box, firstTarget + index)],
          to: target.region ?? '',
          colour: COLOURS[record.strategy],
          dashed: (target.group ?? 1) > 1,
          width: target.weight !== undefined ? 1 + Math.round((3 * target.weight) / maxWeight) : 2,
        });
      });
      dy += box.height + GAP;
    }
    bottom = Math.max(bottom, dy);
  }

  // Spread the edges arriving at one box over its left side, in the order they leave.
  const arriving = new Map<string, number>();
  for (const edge of edges) arriving.set(edge.to, (arriving.get(edge.to) ?? 0) + 1);
  const seen = new Map<string, number>();
  const edgeParts = edges.map((edge) => {
    const box = edge.to === '' ? externalBox : regionBoxes.get(edge.to);
    if (!box) return '';
    const k = (seen.get(edge.to) ?? 0) + 1;
    seen.set(edge.to, k);
    const [x1, y1] = edge.from;
    const x2 = box.x;
    const y2 = Math.round(box.y + (box.height * k) / (arriving.get(edge.to)! + 1));
    const bend = Math.round(CHANNEL / 2);
    return `  <path d="M${x1} ${y1} C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2} ${y2}" fill="none" stroke="${edge.colour}" stroke-width="${edge.width}"${edge.dashed ? ' stroke-dasharray="6 4"' : ''}/>\n  <circle cx="${x2}" cy="${y2}" r="3" fill="${edge.colour}"/>`;
  });

  // Legend: the strategies in use.
  const used = dns ? [...new Set(dns.records.map((r) => r.strategy))] : [];
  const legendParts: string[] = [];
  let ly = bottom + 6;
  for (const strategy of used) {
    legendParts.push(`  <line x1="${MARGIN}" y1="${ly}" x2="${MARGIN + 28}" y2="${ly}" stroke="${COLOURS[strategy]}" stroke-width="3"/>`);
    legendParts.push(`  <text x="${MARGIN + 36}" y="${ly + 4}">${escapeXml(STRATEGY_TEXT[strategy])}</text>`);
    ly += LINE;
  }
  const height = Math.round(ly + MARGIN);

  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}" font-size="12" fill="#263238">`);
  out.push(`  <title>${escapeXml(title)}</title>`);
  out.push(`  <rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`  <text x="${MARGIN}" y="30" font-size="16" font-weight="bold">${escapeXml(fit(title, (width - 2 * MARGIN) / (CHAR_WIDTH * 1.34)))}</text>`);
  out.push(`  <text x="${MARGIN}" y="48" fill="#607d8b">${escapeXml(subtitle(topology))}</text>`);
  out.push(...dnsParts, ...regionParts, ...edgeParts.filter((p) => p !== ''), ...legendParts);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function subtitle(topology: Topology): string {
  const regions = topology.regions.length;
  const records = topology.dns?.records.length ?? 0;
  return `${regions} region${regions === 1 ? '' : 's'}${topology.dns ? `, ${records} DNS record${records === 1 ? '' : 's'}` : ''}; rendered from the synthesized stacks`;
}

function regionLines(region: RegionTopology): TextLine[] {
  const lines: TextLine[] = [{ text: region.stack, bold: true }, { text: `${region.cloud} · ${region.region}`, colour: '#546e7a' }];
  if (region.loadBalancer) lines.push({ text: `LB ${region.loadBalancer.kind}: ${region.loadBalancer.ports.join(', ') || 'no listeners'}` });
  for (const pool of region.pools) {
    lines.push({ text: `${pool.name}: ${pool.count} × ${pool.machineTypes.join('/')} (${pool.role})` });
  }
  if (region.pools.length === 0) lines.push({ text: 'no machines', colour: '#757575' });
  return lines;
}

function recordLines(record: DnsRecordTopology): TextLine[] {
  const lines: TextLine[] = [
    { text: record.name, bold: true },
    { text: `${record.type}${record.ttl !== undefined ? ` ttl ${record.ttl}` : ''} · ${record.strategy}${record.function ? ` (${record.function})` : ''}`, colour: COLOURS[record.strategy] },
  ];
  if (record.check) lines.push({ text: `check ${record.check}`, colour: '#546e7a' });
  for (const target of record.targets) {
    const where = target.region ?? target.address;
    const detail = target.weight !== undefined ? `weight ${target.weight}` : target.group !== undefined ? `group ${target.group}` : '';
    lines.push({ text: `→ ${where}${detail ? `  (${detail})` : ''}` });
  }
  if (record.targets.length === 0) lines.push({ text: 'targets not readable from the record', colour: '#757575' });
  return lines;
}

function boxHeight(lines: number): number {
  return PAD * 2 + lines * LINE;
}

function lineMiddle(box: Box, index: number): number {
  return box.y + PAD + index * LINE + Math.round(LINE / 2);
}

function drawBox(box: Box, lines: readonly TextLine[], fill: string, stroke: string): string {
  const maxChars = Math.floor((box.width - 2 * PAD) / CHAR_WIDTH);
  const parts = [`  <rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="6" fill="${fill}" stroke="${stroke}" stroke-width="1.5"/>`];
  lines.forEach((line, index) => {
    const shown = fit(line.text, maxChars);
    const tooltip = shown === line.text ? '' : `<title>${escapeXml(line.text)}</title>`;
    const attributes = `${line.bold ? ' font-weight="bold"' : ''}${line.colour ? ` fill="${line.colour}"` : ''}`;
    parts.push(`  <text x="${box.x + PAD}" y="${box.y + PAD + index * LINE + 12}"${attributes}>${tooltip}${escapeXml(shown)}</text>`);
  });
  return parts.join('\n');
}

/** The text cut to `max` characters (code points), ending in `…` when cut. */
function fit(text: string, max: number): string {
  const chars = [...text];
  const limit = Math.max(1, Math.floor(max));
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join('')}…`;
}

/** Escapes text for XML character data and attribute values; drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
