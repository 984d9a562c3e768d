// Store one judgement. Parameters: $props (id, kind, author, reason, created_at and the kind's fields).
CREATE (j:Judgement)
SET j = $props
RETURN j.id AS id
