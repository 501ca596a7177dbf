/**
 * A small XML well-formedness check for the exported SVG (xmllint, when installed, checks the same
 * file too): one root element, properly nested and closed tags, quoted attributes without `<` or a
 * raw `&`, no duplicate attribute, only the five predefined entities or character references, no
 * character XML 1.0 forbids. Returns the problems found (empty when well-formed).
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(xml)) problems.push('contains a character XML 1.0 forbids');
  let i = 0;
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) return ['unterminated XML declaration'];
    i = end + 2;
  }
  const stack: string[] = [];
  let roots = 0;
  const text = (chunk: string) => {
    for (const match of chunk.matchAll(/&([^;]*);?/g)) {
      if (!match[0].endsWith(';') || !/^(lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+)$/.test(match[1])) problems.push(`bad entity reference ${match[0].slice(0, 12)}`);
    }
    if (chunk.includes('<')) problems.push('raw < in text');
  };
  while (i < xml.length) {
    const open = xml.indexOf('<', i);
    const chunk = open < 0 ? xml.slice(i) : xml.slice(i, open);
    if (stack.length === 0 && chunk.trim() !== '') problems.push(`text outside the root element: ${chunk.trim().slice(0, 20)}`);
    text(chunk);
    if (open < 0) break;
    if (xml.startsWith('<!--', open)) {
      const end = xml.indexOf('-->', open);
      if (end < 0) return [...problems, 'unterminated comment'];
      i = end + 3;
      continue;
    }
    const close = xml.indexOf('>', open);
    if (close < 0) return [...problems, 'unterminated tag'];
    const tag = xml.slice(open + 1, close);
    i = close + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const expected = stack.pop();
      if (expected !== name) problems.push(`</${name}> closes <${expected ?? 'nothing'}>`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const name = /^[A-Za-z_][\w.-]*(?::[\w.-]+)?/.exec(body)?.[0];
    if (!name) {
      problems.push(`bad tag <${tag.slice(0, 20)}>`);
      continue;
    }
    const attributes = body.slice(name.length);
    const seen = new Set<string>();
    const rest = attributes.replace(/\s+([A-Za-z_:][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g, (_all, attribute: string, _quoted, double?: string, single?: string) => {
      if (seen.has(attribute)) problems.push(`duplicate attribute ${attribute} on <${name}>`);
      seen.add(attribute);
      const value = double ?? single ?? '';
      if (value.includes('<')) problems.push(`raw < in attribute ${attribute}`);
      text(value.replace(/</g, ''));
      return '';
    });
    if (rest.trim() !== '') problems.push(`unreadable attributes on <${name}>: ${rest.trim().slice(0, 30)}`);
    if (stack.length === 0) roots++;
    if (!selfClosing) stack.push(name);
  }
  if (stack.length > 0) problems.push(`unclosed elements: ${stack.join(', ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
