import * as fs from 'fs';
import * as path from 'path';
import Handlebars from 'handlebars';
import { loadK3sTemplates, loadTemplate, TEMPLATES_DIR } from '../../lib/templates';

/** Templates substitute and iterate; every decision is made in TypeScript (DESIGN.md, STYLE.md 8). */
const K3S_TEMPLATES = ['cloud-init.yaml.hbs', 'install-k3s.sh.hbs'];

describe.each(K3S_TEMPLATES.map((t) => [t]))('templates/%s', (name) => {
  const source = fs.readFileSync(path.join(TEMPLATES_DIR, name), 'utf8');

  test('holds only substitutions and {{#each}}: no conditionals, helpers or partials', () => {
    const found: string[] = [];
    const visit = (node: any): void => {
      switch (node.type) {
        case 'Program':
          node.body.forEach(visit);
          return;
        case 'ContentStatement':
        case 'CommentStatement':
          return;
        case 'MustacheStatement':
          if (node.params.length > 0 || node.hash) found.push(`helper call {{${node.path.original} …}}`);
          return;
        case 'BlockStatement':
          if (node.path.original !== 'each' || node.inverse) found.push(`block {{#${node.path.original}}}`);
          visit(node.program);
          return;
        default:
          found.push(node.type);
      }
    };
    visit(Handlebars.parse(source));
    expect(found).toEqual([]);
  });

  test('is compiled once per process and refuses missing values', () => {
    expect(loadTemplate(name)).toBe(loadTemplate(name));
    expect(() => loadTemplate(name)({})).toThrow(/not defined in/);
  });
});

test('loadK3sTemplates hands out both templates', () => {
  const templates = loadK3sTemplates();
  expect(templates.cloudInit).toBe(loadTemplate('cloud-init.yaml.hbs'));
  expect(templates.installScript).toBe(loadTemplate('install-k3s.sh.hbs'));
});
