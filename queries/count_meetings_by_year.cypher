// Meetings per year of their date (null year for undated meetings), oldest first.
// @example {}
MATCH (m:Meeting)
RETURN left(m.date, 4) AS year, count(*) AS meetings
ORDER BY year
