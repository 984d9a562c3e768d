// Remove one judgement (its effect on the graph stays until the graph is rebuilt). Parameters: $id. Returns: id.
MATCH (j:Judgement {id: $id})
WITH j, j.id AS id
DELETE j
RETURN id
