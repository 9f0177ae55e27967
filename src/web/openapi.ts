import { KINDS } from '../extraction-schema.js';

/**
 * The OpenAPI 3.1 description of /api/, served at /api/openapi.json. Written by hand next
 * to the routes (src/web/routes/api.ts); the route tests check that every documented path answers.
 */
const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const err = {
  description: 'bad input',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};
const notFound = {
  description: 'not found',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};
const q = (name: string, schema: object, description: string) => ({
  name,
  in: 'query',
  required: false,
  schema,
  description,
});
const filters = [
  q('min', { type: 'integer', minimum: 0, maximum: 10 }, 'minimum significance'),
  q('topic', str, 'topic slug'),
  q('source', str, 'source id: events with an article from it'),
  q('kind', { enum: [...KINDS] }, 'event kind'),
  q('entity', str, 'events naming this entity'),
  q('since', str, '24h, 7d, 30d… or an ISO date'),
  q('until', str, 'ISO date'),
  q('sort', { enum: ['time', 'score'] }, 'order'),
];

export function openApiDocument(origin: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Almanac API',
      version: '1',
      description:
        'Events, articles, guides, topics, sources and search of an Almanac store. All answers are JSON; bad input gets a 400 naming each problem.',
    },
    servers: [{ url: origin }],
    paths: {
      '/api/events': {
        get: {
          summary: 'Events, newest first (or by score), under any filter',
          parameters: [
            ...filters,
            q('limit', { type: 'integer', minimum: 1, maximum: 500 }, 'page size'),
            q('offset', { type: 'integer', minimum: 0 }, 'skip'),
          ],
          responses: {
            200: {
              description: 'events',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['events'],
                    properties: {
                      events: { type: 'array', items: { $ref: '#/components/schemas/Event' } },
                      total: { type: 'integer', description: 'matching events, counted up to 1,000' },
                      totalCapped: {
                        type: 'boolean',
                        description: 'true when more than 1,000 match (total is then 1,000)',
                      },
                    },
                  },
                },
              },
            },
            400: err,
          },
        },
      },
      '/api/events/{id}': {
        get: {
          summary: 'One event with its articles and related events',
          parameters: [{ name: 'id', in: 'path', required: true, schema: str }],
          responses: {
            200: {
              description: 'the event',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      event: { $ref: '#/components/schemas/Event' },
                      articles: { type: 'array' },
                      related: { type: 'array' },
                    },
                  },
                },
              },
            },
            404: notFound,
          },
        },
      },
      '/api/articles': {
        get: {
          summary: 'Articles, newest first',
          parameters: [
            q('limit', { type: 'integer', minimum: 1, maximum: 500 }, 'page size'),
            q(
              'before',
              { type: 'integer', minimum: 1 },
              'the id of the last article of the previous page: the page after it (see next)',
            ),
            q('offset', { type: 'integer', minimum: 0, maximum: 10000 }, 'skip (before is cheaper)'),
            q('source', str, 'source id'),
          ],
          responses: {
            200: {
              description: 'articles',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      articles: { type: 'array' },
                      next: { type: ['string', 'null'], description: 'the URL of the next page, or null at the end' },
                    },
                  },
                },
              },
            },
            400: err,
          },
        },
      },
      '/api/articles/{id}': {
        get: {
          summary: 'One article with its extraction and event',
          parameters: [{ name: 'id', in: 'path', required: true, schema: int }],
          responses: { 200: { description: 'the article' }, 404: notFound },
        },
      },
      '/api/topics': {
        get: { summary: 'Topics with event counts and events per week', responses: { 200: { description: 'topics' } } },
      },
      '/api/guides': {
        get: {
          summary: 'Guides, busiest first',
          parameters: [
            q('limit', { type: 'integer', minimum: 1, maximum: 500 }, 'page size'),
            q('offset', { type: 'integer', minimum: 0 }, 'skip'),
          ],
          responses: {
            200: {
              description: 'guides',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: { guides: { type: 'array', items: { $ref: '#/components/schemas/Guide' } } },
                  },
                },
              },
            },
            400: err,
          },
        },
      },
      '/api/guides/{slug}': {
        get: {
          summary:
            'One guide: overview, timeline, what changed since a date, claims grouped by source and by assertion, key quotes, top sources',
          parameters: [
            { name: 'slug', in: 'path', required: true, schema: str },
            q('since', str, '24h, 7d (default)… or an ISO date'),
          ],
          responses: { 200: { description: 'the guide' }, 400: err, 404: notFound },
        },
      },
      '/api/sources': { get: { summary: 'Sources with their health', responses: { 200: { description: 'sources' } } } },
      '/api/sources/{id}': {
        get: {
          summary: 'One source',
          parameters: [{ name: 'id', in: 'path', required: true, schema: str }],
          responses: { 200: { description: 'the source' }, 404: notFound },
        },
      },
      '/api/search': {
        get: {
          summary: 'Search events, articles, claims and quotes',
          parameters: [
            q('q', str, 'words, all required'),
            q('limit', { type: 'integer', minimum: 1, maximum: 100 }, 'per kind'),
          ],
          responses: {
            200: {
              description:
                'hits by kind (events, articles, statements), best first; windowed is true when the ' +
                'query matched so much that only the newest matches were ranked',
            },
            400: err,
          },
        },
      },
    },
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: str, issues: { type: 'array', items: str } },
        },
        Guide: {
          type: 'object',
          required: ['slug', 'title', 'subject', 'eventCount'],
          properties: {
            slug: str,
            title: str,
            subject: { type: 'object', properties: { kind: { enum: ['topic', 'entity', 'query'] }, value: str } },
            origin: { enum: ['auto', 'manual'] },
            eventCount: int,
            lastEventAt: { type: ['string', 'null'] },
            overview: str,
            overviewBy: { enum: ['local', 'llm'] },
            updatedAt: str,
          },
        },
        Event: {
          type: 'object',
          required: ['id', 'title', 'summary', 'significance', 'factors', 'source', 'firstSeen', 'related', 'guides'],
          properties: {
            id: str,
            title: str,
            summary: str,
            significance: { type: 'integer', minimum: 1, maximum: 10 },
            factors: {
              type: 'object',
              description:
                'score, base, and each factor with value, points and why; llm when a model adjusted the score',
            },
            source: { type: ['object', 'null'], properties: { id: str, name: str, url: { type: ['string', 'null'] } } },
            firstSeen: { type: 'string', format: 'date-time' },
            lastUpdated: { type: 'string', format: 'date-time' },
            kind: { type: ['string', 'null'] },
            topics: { type: 'array', items: str },
            entities: {
              type: 'array',
              items: { type: 'object', properties: { name: str, type: str, weight: { type: 'number' } } },
            },
            sourceCount: int,
            articleCount: int,
            related: {
              type: 'array',
              items: {
                type: 'object',
                required: ['id', 'similarity'],
                properties: { id: str, similarity: { type: 'number' } },
              },
            },
            guides: { type: 'array', items: { type: 'object', properties: { slug: str, title: str } } },
          },
        },
      },
    },
  };
}
