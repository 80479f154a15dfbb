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
      '/-/health': { get: { summary: 'Liveness and store counts', responses: { '200': { description: 'ok' } } } },
    },
  };
}
