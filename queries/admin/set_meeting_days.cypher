// Store the first and last day each meeting's date covers (core.dates.day_span).
// Parameters: $rows [{id, start_day, end_day}].
UNWIND $rows AS row
MATCH (m:Meeting {id: row.id})
SET m.start_day = row.start_day, m.end_day = row.end_day
