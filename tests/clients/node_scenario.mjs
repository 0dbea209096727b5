// Drives npm's official @elastic/elasticsearch 9.x client against an Elasticsearch-compatible URL.
//
// Usage: node node_scenario.mjs URL
// Same scenario as python_scenario.py: ILM policy, component template, data-stream index template, bulk of
// 100 documents into logs-clienttest-default, refresh, bool/range search with terms + date_histogram
// aggregations, every answer checked against values computed from the generated documents.
// Exits 1 naming the first mismatch, 2 when the client package is missing. The 9.x client sends
// "application/vnd.elasticsearch+json; compatible-with=9" and requires the X-Elastic-Product header.

const STREAM = 'logs-clienttest-default'
const SERVICES = ['checkout', 'cart', 'search', 'auth']
const BASE = Date.UTC(2024, 4, 1)
const MINUTE = 60_000
const BUCKET = 30 * MINUTE
const WINDOW = [BASE + 20 * MINUTE, BASE + 80 * MINUTE]

class Mismatch extends Error {}

function expect (what, actual, expected) {
  const a = JSON.stringify(actual)
  const e = JSON.stringify(expected)
  if (a !== e) throw new Mismatch(`${what}: expected ${e} but got ${a}`)
  console.log(`ok   ${what} = ${a}`)
}

const iso = (ms) => new Date(ms).toISOString()

function documents () {
  return Array.from({ length: 100 }, (_, i) => ({
    '@timestamp': iso(BASE + i * MINUTE),
    service: { name: SERVICES[i % 4] },
    http: { response: { status_code: i % 10 === 0 ? 500 : 200 } },
    event: { duration: i },
    message: `request ${i} served`
  }))
}

// What a correct cluster returns, computed from the documents themselves.
function expectedAnswers (docs) {
  const matching = docs.filter((d) => {
    const t = Date.parse(d['@timestamp'])
    return t >= WINDOW[0] && t < WINDOW[1] && d.http.response.status_code !== 500
  })
  const services = new Map()
  const buckets = new Map()
  for (const d of matching) {
    services.set(d.service.name, (services.get(d.service.name) ?? 0) + 1)
    const t = Date.parse(d['@timestamp'])
    const key = BASE + Math.floor((t - BASE) / BUCKET) * BUCKET
    buckets.set(key, (buckets.get(key) ?? 0) + 1)
  }
  const terms = [...services].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  const histogram = [...buckets].sort((a, b) => a[0] - b[0])
  const latest = matching.map((d) => d['@timestamp']).sort().at(-1)
  return { total: matching.length, terms, histogram, latest }
}

async function run (url) {
  let Client
  try {
    ({ Client } = await import('@elastic/elasticsearch'))
  } catch {
    console.error('@elastic/elasticsearch is not installed: run scripts/install-test-deps.sh')
    process.exit(2)
  }
  const client = new Client({ node: url, requestTimeout: 30_000, maxRetries: 0 })
  const info = await client.info()
  console.log(`connected to ${info.cluster_name} version ${info.version?.number}`)

  expect('put ILM policy acknowledged', (await client.ilm.putLifecycle({
    name: 'clienttest-policy',
    policy: {
      phases: {
        hot: { actions: { rollover: { max_age: '1d', max_docs: 100000 } } },
        delete: { min_age: '30d', actions: { delete: {} } }
      }
    }
  })).acknowledged, true)
  expect('ILM policy readable', 'clienttest-policy' in await client.ilm.getLifecycle({ name: 'clienttest-policy' }), true)

  expect('put component template acknowledged', (await client.cluster.putComponentTemplate({
    name: 'clienttest-mappings',
    template: {
      mappings: {
        properties: {
          '@timestamp': { type: 'date' },
          service: { properties: { name: { type: 'keyword' } } },
          http: { properties: { response: { properties: { status_code: { type: 'long' } } } } },
          event: { properties: { duration: { type: 'long' } } },
          message: { type: 'text' }
        }
      }
    }
  })).acknowledged, true)

  expect('put index template acknowledged', (await client.indices.putIndexTemplate({
    name: 'clienttest-template',
    index_patterns: ['logs-clienttest-*'],
    data_stream: {},
    priority: 200,
    composed_of: ['clienttest-mappings'],
    template: { settings: { 'index.lifecycle.name': 'clienttest-policy' } }
  })).acknowledged, true)

  const docs = documents()
  const bulk = await client.bulk({ operations: docs.flatMap((d) => [{ create: { _index: STREAM } }, d]) })
  expect('bulk errors', bulk.errors, false)
  expect('bulk item count', bulk.items.length, docs.length)
  expect('bulk item statuses', [...new Set(bulk.items.map((i) => i.create.status))], [201])

  await client.indices.refresh({ index: STREAM })

  const { data_streams: streams } = await client.indices.getDataStream({ name: STREAM })
  expect('data stream name', streams.map((s) => s.name), [STREAM])
  expect('data stream template', streams[0].template, 'clienttest-template')
  expect('backing index prefix', streams[0].indices[0].index_name.startsWith(`.ds-${STREAM}-`), true)

  const expected = expectedAnswers(docs)
  const response = await client.search({
    index: STREAM,
    size: 3,
    track_total_hits: true,
    sort: [{ '@timestamp': { order: 'desc' } }],
    query: {
      bool: {
        filter: [{ range: { '@timestamp': { gte: iso(WINDOW[0]), lt: iso(WINDOW[1]) } } }],
        must_not: [{ term: { 'http.response.status_code': 500 } }]
      }
    },
    aggs: {
      services: { terms: { field: 'service.name', size: 10 } },
      per_half_hour: { date_histogram: { field: '@timestamp', fixed_interval: '30m' } }
    }
  })
  expect('total hits', response.hits.total, { value: expected.total, relation: 'eq' })
  expect('hits returned', response.hits.hits.length, 3)
  expect('newest hit first', response.hits.hits[0]._source['@timestamp'], expected.latest)
  expect('hit index is a backing index', response.hits.hits[0]._index.startsWith(`.ds-${STREAM}-`), true)
  expect('terms buckets', response.aggregations.services.buckets.map((b) => [b.key, b.doc_count]), expected.terms)
  expect('date_histogram buckets', response.aggregations.per_half_hour.buckets.map((b) => [b.key, b.doc_count]), expected.histogram)

  await client.indices.deleteDataStream({ name: STREAM })
  await client.close()
  console.log('node client scenario passed')
}

if (process.argv.length !== 3) {
  console.error('usage: node node_scenario.mjs URL')
  process.exit(2)
}
try {
  await run(process.argv[2])
} catch (e) {
  console.error(e instanceof Mismatch ? `MISMATCH ${e.message}` : `ERROR ${e.name}: ${e.message}${e.meta?.body ? ' ' + JSON.stringify(e.meta.body) : ''}`)
  process.exit(1)
}
