// A researcher's date and precision; the extracted ones stay in `extracted_date` / `extracted_date_precision`.
// Parameters: $meeting, $date (YYYY, YYYY-MM or YYYY-MM-DD), $precision, $start_day and $end_day (the first and
// last day $date covers, core.dates.day_span).
MATCH (m:Meeting {id: $meeting})
WHERE coalesce(m.date, '') <> $date OR m.date_precision <> $precision OR m.extracted_date_precision IS NULL
WITH m, coalesce(m.date, '') <> $date OR m.date_precision <> $precision AS changed
SET m.extracted_date = CASE WHEN changed THEN m.date ELSE coalesce(m.extracted_date, m.date) END,
    m.extracted_date_precision = CASE WHEN changed THEN coalesce(m.date_precision, 'none')
                                      ELSE coalesce(m.extracted_date_precision, m.date_precision) END,
    m.date = $date, m.date_precision = $precision, m.start_day = $start_day, m.end_day = $end_day
RETURN m.id AS id
