// How many meetings and meeting reports the graph holds (count store: constant time). Read before and after a
// crawl round: new meetings = the meetings' difference; reports joining a meeting already there = the reports'
// difference minus the new meetings.
// Parameters: none. Returns: meetings, reports.
CALL () { MATCH (m:Meeting) RETURN count(m) AS meetings }
CALL () { MATCH ()-[r:REPORTED_IN]->() RETURN count(r) AS reports }
RETURN meetings, reports
