import * as fs from 'fs';
import * as path from 'path';
import Handlebars from 'handlebars';

/**
 * Loads the handlebars templates in `templates/` for the constructs, which never read files
 * themselves. Each template is read and compiled once per process. Templates only substitute and
 * iterate: values arrive ready to insert (no HTML escaping), and a missing value is an error
 * (`strict`) instead of an empty string.
 */

/** A compiled template: data in, text out. */
export type Template = (context: object) => string;

/** The folder holding the templates, relative to this file (sources are transpiled on load, not built). */
export const TEMPLATES_DIR = path.resolve(__dirname, '..', 'templates');

const compiled = new Map<string, Template>();

/** The compiled template `templates/<name>` (e.g. `cloud-init.yaml.hbs`). */
export function loadTemplate(name: string): Template {
  let template = compiled.get(name);
  if (!template) {
    const file = path.join(TEMPLATES_DIR, name);
    const render = Handlebars.compile(fs.readFileSync(file, 'utf8'), { noEscape: true, strict: true });
    template = (context: object) => render(context);
    compiled.set(name, template);
  }
  return template;
}

/** The templates of the k3s-cluster module: the cloud-init document and the K3s install script. */
export interface K3sTemplateSet {
  readonly cloudInit: Template;
  readonly installScript: Template;
}

/** Loads (once) the templates K3sCluster renders. */
export function loadK3sTemplates(): K3sTemplateSet {
  return { cloudInit: loadTemplate('cloud-init.yaml.hbs'), installScript: loadTemplate('install-k3s.sh.hbs') };
}
