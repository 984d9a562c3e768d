// A researcher's meeting type; the extracted one is kept in `extracted_type`. Parameters: $meeting, $type.
MATCH (m:Meeting {id: $meeting})
WHERE m.type <> $type OR m.extracted_type IS NULL
SET m.extracted_type = CASE WHEN m.type <> $type THEN m.type ELSE coalesce(m.extracted_type, m.type) END,
    m.type = $type
RETURN m.id AS id
