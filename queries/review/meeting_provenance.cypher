// One meeting (or rejected meeting) with the provenance of each fact: the articles supporting each edge, the
// researchers' judgements on it (who, when, why), the extracted values they replaced, and every source (with the
// exact quote and its offsets, and the reposts of each source). Parameters: $id.
MATCH (m:Meeting|RejectedMeeting {id: $id})
RETURN m.id AS id, m:RejectedMeeting AS rejected, m.type AS type, toString(m.date) AS date,
       m.date_precision AS date_precision, m.summary AS summary,
       {type: m.extracted_type, date: m.extracted_date, date_precision: m.extracted_date_precision,
        places: m.extracted_places, hosts: m.extracted_hosts} AS extracted,
       [(p:Person)-[e:ATTENDED]->(m) | {id: p.id, name: p.name, role: e.role, articles: coalesce(e.articles, []),
                                        judgement: e.judgement}] AS participants,
       [(s:State)-[e:REPRESENTED_AT]->(m) | {id: s.iso3, name: s.name, host: coalesce(e.host, false),
                                             articles: coalesce(e.articles, []), judgement: e.judgement}] AS states,
       [(m)-[h:HELD_IN]->(pl:Place) | {id: pl.id, name: pl.name, articles: coalesce(h.articles, []),
                                       judgement: h.judgement}] AS places,
       [(m)-[r:REPORTED_IN]->(a:Article) | {
          article: a.id, document_id: a.document_id, url: a.url, outlet: a.outlet, author: a.author, title: a.title,
          published: toString(a.published), text_sha1: a.text_sha1, evidence: r.evidence, quote: r.quote,
          start: r.start, end: r.end,
          reposts: [(x:Article)-[:REPOST_OF]->(a) | {article: x.id, document_id: x.document_id, url: x.url,
                                                     outlet: x.outlet, author: x.author, title: x.title,
                                                     published: toString(x.published), text_sha1: x.text_sha1}]
       }] AS sources,
       COLLECT { MATCH (j:Judgement) WHERE j.meeting = m.id OR j.into = m.id OR j.split_into = m.id
                 RETURN j {.*} AS j ORDER BY j.created_at, j.id } AS judgements
