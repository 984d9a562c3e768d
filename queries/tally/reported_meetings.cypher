// Meetings (rejected ones too) reported by articles: what retracting them may change or delete. Parameters: $ids.
UNWIND $ids AS id
MATCH (:Article {id: id})<-[:REPORTED_IN]-(m)
WHERE m:Meeting OR m:RejectedMeeting
RETURN DISTINCT m.id AS id
