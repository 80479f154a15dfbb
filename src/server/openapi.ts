import { proposalPaths } from './proposal-routes.js';

/** The OpenAPI description served at /api/openapi.json. */
export function openApiDocument(): Record<string, unknown> {
  const list = (summary: string, params: string[]) => ({
    get: {
      summary,
      parameters: params.map((name) => ({ name, in: 'query', required: name === 'q', schema: { type: /year|limit|offset|_id/.test(name) ? 'integer' : 'string' } })),
      responses: { '200': { description: 'JSON envelope {ok, total, items}; .csv and .xlsx forms give the same rows' }, '400': { description: 'invalid query' } },
    },
  });
  const place = ['jurisdiction', 'level'];
  const factParams = [...place, 'indicator', 'year', 'headline', 'document_id', '_limit', '_offset'];
  return {
    openapi: '3.0.3',
    info: { title: 'Luoshi 落实 API', version: '0.1.0', description: 'Government work reports: documents, targets, outcomes, commitments, search.' },
    paths: {
      '/api/reports': list('Stored documents with identity and fact counts', [...place, 'year_from', 'year_to', '_limit', '_offset']),
      '/api/documents/{id}': { get: { summary: 'One document with its text, sections, facts and warnings', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }], responses: { '200': { description: 'the document' }, '404': { description: 'no such document' } } } },
      '/api/targets': list('Expected targets (预期目标)', factParams),
      '/api/outcomes': list('Results stated in review parts', factParams),
      '/api/commitments': list('Quantified tasks of plan parts', factParams),
      '/api/check': list('Scorecard: the year-N promises of a place against its year-N+1 report', ['jurisdiction', 'year']),
      '/api/compare': list('One indicator: target vs outcome by place and year', ['indicator', 'kind', ...place, 'year_from', 'year_to']),
      '/api/search': list('Full-text search, any query length', ['q', ...place, 'year_from', 'year_to', 'part', '_limit']),
      '/api/import': {
        post: {
          summary: 'Import one report file (raw bytes in the body)',
          parameters: [{ name: 'filename', in: 'query', required: true, schema: { type: 'string' } }],
          requestBody: { content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
          responses: { '201': { description: 'imported' }, '200': { description: 'duplicate of a stored report' }, '413': { description: 'too large' }, '422': { description: 'not a readable report' } },
        },
      },
      ...ledgerPaths(),
      ...proposalPaths(),
      '/-/health': { get: { summary: 'Liveness and store counts', responses: { '200': { description: 'ok' } } } },
    },
  };
}

/**
 * The supervision ledger's routes: session-cookie authentication, and every
 * write needs the CSRF token from /api/ledger/session in `x-csrf-token`.
 */
function ledgerPaths(): Record<string, unknown> {
  const op = (summary: string, extra: Record<string, unknown> = {}) => ({
    summary,
    responses: { '200': { description: 'ok' }, '401': { description: 'not signed in' }, '403': { description: 'not allowed, or no CSRF token' }, '409': { description: 'stale version or illegal step' } },
    ...extra,
  });
  const id = [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }];
  return {
    '/api/ledger/session': { get: op('The current account (if any) and the CSRF token') },
    '/api/ledger/login': { post: op('Sign in (name, password); 429 after repeated failures') },
    '/api/ledger/logout': { post: op('Sign out') },
    '/api/ledger/units': { get: op('The organisation tree'), post: op('Add a unit') },
    '/api/ledger/accounts': { get: op('Accounts'), post: op('Add an account with a role') },
    '/api/ledger/generate': { post: op('Draft tasks from a stored plan report (targets, commitments, livelihood projects)') },
    '/api/ledger/tasks': { get: op('Tasks with their lights'), post: op('Add a task') },
    '/api/ledger/tasks/{id}': { get: op('One task', { parameters: id }), put: op('Edit a task (with its version)', { parameters: id }) },
    '/api/ledger/import-plan': { post: op('Import a 分工方案 (CSV in UTF-8 or GBK, or XLSX) as the raw body; query filename, jurisdiction, year; answers per row') },
    '/api/ledger/tasks/{id}/merge': { post: op('合并: archive the tasks in `from` into this one (version, from, from_versions)', { parameters: id }) },
    '/api/ledger/tasks/{id}/split': { post: op('拆分: new tasks from `titles`, the original archived (version, titles)', { parameters: id }) },
    '/api/ledger/tasks/{id}/history': { get: op('The append-only history of a task', { parameters: id }) },
    '/api/ledger/tasks/{id}/actions/{action}': { post: op('A workflow step: accept, submit, review, close, send back, extension…', { parameters: [...id, { name: 'action', in: 'path', required: true, schema: { type: 'string' } }] }) },
    '/api/ledger/tasks/{id}/progress': { post: op('A progress report', { parameters: id }) },
    '/api/ledger/tasks/{id}/urge': { post: op('催办: chase the units of a task', { parameters: id }) },
    '/api/ledger/tasks/{id}/instructions': { post: op('批示: a leader\'s instruction', { parameters: id }) },
    '/api/ledger/notices': { get: op('催办 notices per unit') },
    '/api/ledger/dashboard': { get: op('Counts by unit and light; completion and on-time rates') },
    '/api/ledger/progress-table': { get: op('The monthly progress table (.xlsx, .json or .html)') },
    '/api/ledger/year-end': { get: op('Each task beside the next report\'s verdict, with disagreements flagged') },
    '/api/public/ledger/tasks': { get: { summary: 'Public read-only view (internal fields hidden)', responses: { '200': { description: 'ok' } } } },
    '/api/public/ledger/tasks/{id}': { get: { summary: 'One task, public view', parameters: id, responses: { '200': { description: 'ok' }, '404': { description: 'no such public task' } } } },
  };
}
